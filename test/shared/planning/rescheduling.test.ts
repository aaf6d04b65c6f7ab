import { describe, expect, it } from 'vitest';
import { checkReschedule } from '../../../shared/planning/index';
import { at } from './fixtures';

const later = at('2027-01-15', '09:00');

describe('checkReschedule: 48 hours’ notice (004 art. VI)', () => {
  it.each([
    ['exactly 48 h before', ['2026-12-02', '09:00'], ['2026-11-30', '09:00'], true],
    ['a minute short of 48 h', ['2026-12-02', '09:00'], ['2026-11-30', '09:01'], false],
    ['a week before', ['2026-12-07', '09:00'], ['2026-11-30', '09:00'], true],
    // Spring DST weekend: Saturday 9:00 to Monday 9:00 is only 47 real hours.
    [
      'Saturday 9:00 for Monday 9:00 after the spring change',
      ['2026-03-30', '09:00'],
      ['2026-03-28', '09:00'],
      false,
    ],
    [
      'Saturday 8:00 for Monday 9:00 after the spring change',
      ['2026-03-30', '09:00'],
      ['2026-03-28', '08:00'],
      true,
    ],
    // Autumn DST weekend: Saturday 10:00 to Monday 9:00 is 48 real hours.
    [
      'Saturday 10:00 for Monday 9:00 after the autumn change',
      ['2026-10-26', '09:00'],
      ['2026-10-24', '10:00'],
      true,
    ],
    [
      'Saturday 10:01 for Monday 9:00 after the autumn change',
      ['2026-10-26', '09:00'],
      ['2026-10-24', '10:01'],
      false,
    ],
  ] as const)('%s → %s', (_, planned, now, ok) => {
    expect(checkReschedule(at(planned[0], planned[1]), later, at(now[0], now[1])).ok).toBe(ok);
  });

  it('says why in French', () => {
    expect(checkReschedule(at('2026-12-02', '09:00'), later, at('2026-12-01', '09:00'))).toEqual({
      ok: false,
      message:
        'La visite du 02/12/2026 à 09:00 ne peut plus être déplacée sans l’accord du client : il faut prévenir au moins 48 heures à l’avance (004 art. VI).',
    });
    expect(
      checkReschedule(
        at('2026-12-09', '09:00'),
        at('2026-11-30', '08:00'),
        at('2026-11-30', '09:00'),
      ),
    ).toEqual({ ok: false, message: 'La nouvelle date de la visite doit être dans le futur.' });
  });
});
