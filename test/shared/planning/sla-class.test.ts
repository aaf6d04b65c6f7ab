import { describe, expect, it } from 'vitest';
import { slaClassOf } from '../../../shared/planning/index';

describe('slaClassOf (004 art. VI)', () => {
  it.each([
    [['server', 'desktop'], 'server-network'],
    [['switch'], 'server-network'],
    [['laptop', 'printer'], 'workstation'],
    [['office-suite'], 'none'],
    [[], 'none'],
  ] as const)('%j → %s', (categories, expected) => {
    expect(slaClassOf(categories)).toBe(expected);
  });
});
