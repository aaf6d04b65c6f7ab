import { describe, expect, it } from 'vitest';
import { formatBytes } from '../../../shared/format/bytes';

describe('formatBytes', () => {
  it('writes sizes the way French software shows them', () => {
    expect(formatBytes(0)).toBe('0 o');
    expect(formatBytes(1023)).toBe('1\u202f023 o');
    expect(formatBytes(1536)).toBe('1,5 Ko');
    expect(formatBytes(12.5 * 1024 * 1024)).toBe('12,5 Mo');
    expect(formatBytes(150 * 1024 * 1024)).toBe('150 Mo');
  });
});
