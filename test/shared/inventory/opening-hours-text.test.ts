import { describe, expect, it } from 'vitest';
import { formatDayRanges, parseDayRanges } from '../../../shared/inventory/opening-hours-text';

describe('parseDayRanges', () => {
  it('reads the ways people type hours', () => {
    expect(parseDayRanges('9h-12h30, 14:00-18:00')).toEqual({
      ok: true,
      ranges: [
        { from: '09:00', to: '12:30' },
        { from: '14:00', to: '18:00' },
      ],
    });
    expect(parseDayRanges('fermé')).toEqual({ ok: true, ranges: [] });
    expect(parseDayRanges('')).toEqual({ ok: true, ranges: [] });
    expect(formatDayRanges([{ from: '09:00', to: '12:30' }])).toBe('09:00-12:30');
  });
  it('refuses unreadable, reversed or overlapping ranges in French', () => {
    expect(parseDayRanges('le matin')).toMatchObject({
      ok: false,
      message: expect.stringMatching(/illisible/),
    });
    expect(parseDayRanges('18:00-09:00')).toMatchObject({
      ok: false,
      message: 'L’heure de fin doit suivre l’heure de début.',
    });
    expect(parseDayRanges('09:00-13:00, 12:00-18:00')).toMatchObject({
      ok: false,
      message: expect.stringMatching(/chevaucher/),
    });
  });
});
