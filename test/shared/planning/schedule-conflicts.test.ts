import { describe, expect, it } from 'vitest';
import { scheduleConflicts } from '../../../shared/planning/index';
import type { ScheduledJob } from '../../../shared/planning/index';
import { ids } from './fixtures';

const job = (
  id: string,
  technicianIds: string[],
  date: string,
  from: string,
  to: string,
): ScheduledJob => ({
  id,
  technicianIds,
  date,
  slot: { from, to },
});

describe('scheduleConflicts: overlapping slots on a technician’s week', () => {
  it('finds overlaps, not slots that merely touch', () => {
    const conflicts = scheduleConflicts([
      job('morning', [ids.alice], '2026-11-30', '09:00', '12:30'),
      job('after-lunch', [ids.alice], '2026-11-30', '12:30', '14:00'),
      job('early-afternoon', [ids.alice], '2026-11-30', '13:00', '15:00'),
      job('tuesday', [ids.alice], '2026-12-01', '13:00', '15:00'),
    ]);
    expect(conflicts).toEqual([
      {
        technicianId: ids.alice,
        jobIds: ['after-lunch', 'early-afternoon'],
        message:
          'Chevauchement : une intervention le 30/11/2026 à 12:30 (jusqu’à 14:00) et une autre à partir de 13:00.',
      },
    ]);
  });

  it('checks each technician of a shared job', () => {
    const conflicts = scheduleConflicts([
      job('together', [ids.alice, ids.bruno], '2026-11-30', '09:00', '12:30'),
      job('bruno-alone', [ids.bruno], '2026-11-30', '11:00', '12:00'),
      job('alice-alone', [ids.alice], '2026-11-30', '14:00', '15:00'),
    ]);
    expect(conflicts.map((c) => [c.technicianId, c.jobIds])).toEqual([
      [ids.bruno, ['together', 'bruno-alone']],
    ]);
  });

  it('finds a slot held inside a long one, and every pair among three', () => {
    const conflicts = scheduleConflicts([
      job('day', [ids.alice], '2026-11-30', '09:00', '18:00'),
      job('a', [ids.alice], '2026-11-30', '10:00', '11:00'),
      job('b', [ids.alice], '2026-11-30', '10:30', '11:30'),
    ]);
    expect(conflicts.map((c) => c.jobIds)).toEqual([
      ['day', 'a'],
      ['day', 'b'],
      ['a', 'b'],
    ]);
  });

  it('compares real instants on the autumn DST night', () => {
    // 25 October 2026: 02:00–03:00 happens twice; a 01:00–02:30 job and a 02:45–04:00 one
    // do not overlap on the wall clock, nor in real time.
    expect(
      scheduleConflicts([
        job('night-1', [ids.alice], '2026-10-25', '01:00', '02:30'),
        job('night-2', [ids.alice], '2026-10-25', '02:45', '04:00'),
      ]),
    ).toEqual([]);
  });
});
