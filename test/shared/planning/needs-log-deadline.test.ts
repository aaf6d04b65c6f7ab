import { describe, expect, it } from 'vitest';
import { checkNeedsLog, needsLogDeadlineDate } from '../../../shared/planning/index';
import type { NeedsLog } from '../../../shared/planning/index';
import { at } from './fixtures';

describe('needsLogDeadlineDate: 2 working days before the visit (004 art. VI)', () => {
  it.each([
    ['Thursday visit', '2026-12-03', 'metropole', '2026-12-01'],
    ['Monday visit: over the weekend', '2026-12-07', 'metropole', '2026-12-03'],
    ['Tuesday visit: the Friday before', '2026-11-03', 'metropole', '2026-10-30'],
    ['Thursday after 11 November', '2026-11-12', 'metropole', '2026-11-09'],
    ['Friday after Ascension Thursday', '2026-05-15', 'metropole', '2026-05-12'],
    ['Tuesday after Easter Monday, mainland', '2027-03-30', 'metropole', '2027-03-25'],
    [
      'Tuesday after Easter Monday, Alsace-Moselle (Good Friday)',
      '2027-03-30',
      'alsace-moselle',
      '2027-03-24',
    ],
  ] as const)('%s %s → %s', (_, visit, region, expected) => {
    expect(needsLogDeadlineDate(visit, region)).toBe(expected);
  });
});

describe('checkNeedsLog', () => {
  const visit = '2026-12-03';
  const log = (validatedAt: number | null): NeedsLog => ({
    items: ['Mise à jour du pare-feu'],
    validatedAt,
    validatedBy: validatedAt === null ? '' : 'Mme Durand',
  });

  it.each([
    [
      'validated on the last day, late evening',
      log(at('2026-12-01', '23:59')),
      at('2026-12-03', '09:00'),
      'validated',
    ],
    [
      'validated the day after the last day',
      log(at('2026-12-02', '00:00')),
      at('2026-12-03', '09:00'),
      'validated-late',
    ],
    ['awaited, still in time', log(null), at('2026-12-01', '20:00'), 'pending'],
    ['awaited, too late', log(null), at('2026-12-02', '08:00'), 'overdue'],
    ['no needs log at all', null, at('2026-11-20', '08:00'), 'missing'],
  ] as const)('%s → %s', (_, needsLog, now, status) => {
    expect(checkNeedsLog(needsLog, visit, now).status).toBe(status);
  });

  it('says it in French with the dates', () => {
    expect(checkNeedsLog(log(null), visit, at('2026-12-02', '08:00')).message).toBe(
      'Journal des besoins non validé : il fallait le faire valider au plus tard le 01/12/2026 (004 art. VI).',
    );
    expect(checkNeedsLog(log(at('2026-11-30', '10:00')), visit, 0).message).toBe(
      'Journal des besoins validé par Mme Durand le 30/11/2026 à 10:00.',
    );
  });
});
