import { instantOf } from '../calendar/local-date';
import type { LocalDate } from '../calendar/local-date';
import { clockMinutes } from '../calendar/weekly-schedule';
import type { TimeRange } from '../calendar/weekly-schedule';
import { formatDateTime, formatTime } from '../format/date';

export interface ScheduledJob {
  readonly id: string;
  readonly technicianIds: readonly string[];
  readonly date: LocalDate;
  readonly slot: TimeRange;
}

export interface ScheduleConflict {
  readonly technicianId: string;
  /** The two jobs, in the order of their start. */
  readonly jobIds: readonly [string, string];
  readonly message: string;
}

interface Placed {
  readonly id: string;
  readonly start: number;
  readonly end: number;
}

/**
 * Overlapping slots of one technician: two jobs whose slots share at least a minute (a job
 * ending at 12:00 and one starting at 12:00 do not conflict). Slots are compared as real
 * instants, so the DST nights count as they are.
 */
export function scheduleConflicts(jobs: readonly ScheduledJob[]): ScheduleConflict[] {
  const byTechnician = new Map<string, Placed[]>();
  for (const job of jobs) {
    const placed = {
      id: job.id,
      start: instantOf(job.date, clockMinutes(job.slot.from)),
      end: instantOf(job.date, clockMinutes(job.slot.to)),
    };
    for (const technicianId of job.technicianIds) {
      const list = byTechnician.get(technicianId) ?? [];
      list.push(placed);
      byTechnician.set(technicianId, list);
    }
  }
  const conflicts: ScheduleConflict[] = [];
  for (const [technicianId, list] of byTechnician) {
    list.sort((a, b) => a.start - b.start || a.end - b.end || (a.id < b.id ? -1 : 1));
    for (let i = 0; i < list.length; i += 1) {
      const a = list[i]!;
      for (let j = i + 1; j < list.length && list[j]!.start < a.end; j += 1) {
        const b = list[j]!;
        conflicts.push({
          technicianId,
          jobIds: [a.id, b.id],
          message: `Chevauchement : une intervention le ${formatDateTime(a.start)} (jusqu’à ${formatTime(a.end)}) et une autre à partir de ${formatTime(b.start)}.`,
        });
      }
    }
  }
  return conflicts;
}
