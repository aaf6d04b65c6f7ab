import { describe, expect, it } from 'vitest';
import {
  ageLabel,
  displayValue,
  isStuck,
  STUCK_AFTER_MS,
} from '../../../renderer/features/sync/sync-age';

const NOW = Date.UTC(2026, 10, 23, 10, 0);

describe('sync status wording', () => {
  it('warns once the oldest unsent change is more than a day old', () => {
    expect(isStuck(null, NOW)).toBe(false);
    expect(isStuck(NOW - STUCK_AFTER_MS, NOW)).toBe(false);
    expect(isStuck(NOW - STUCK_AFTER_MS - 1, NOW)).toBe(true);
  });

  it('says ages and values in French', () => {
    expect(ageLabel(NOW - 3 * 60 * 60 * 1000, NOW)).toBe('3 heures');
    expect(ageLabel(NOW - 2 * 24 * 60 * 60 * 1000, NOW)).toBe('2 jours');
    expect(ageLabel(NOW + 5000, NOW)).toBe('0 secondes');
    expect([null, '', 'Baie 2', true, 42, { a: 1 }].map(displayValue)).toEqual([
      '(supprimé)',
      '(vide)',
      'Baie 2',
      'oui',
      '42',
      '{"a":1}',
    ]);
  });
});
