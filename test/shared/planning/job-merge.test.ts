import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  JOB_PROGRESS,
  JOB_STATUSES,
  jobFieldsSchema,
  mergeJob,
} from '../../../shared/planning/index';
import type { JobFields, JobVisit } from '../../../shared/planning/index';
import { ids } from './fixtures';

const planned = jobFieldsSchema.parse({
  clientId: ids.client,
  requestId: ids.request,
  technicianIds: [ids.alice],
  date: '2026-12-01',
  slot: { from: '09:00', to: '12:30' },
} satisfies JobFields);

/** The office gives the job to Bruno the next day while Alice is offline. */
const reassigned = { ...planned, technicianIds: [ids.bruno], date: '2026-12-02' };

describe('mergeJob: a job reassigned while the first technician was offline', () => {
  it('ends with the new technician only and keeps the first one’s visit for the office', () => {
    const aliceCopy = {
      ...planned,
      status: 'done' as const,
      visits: [{ visitId: ids.visitA, technicianId: ids.alice, status: 'done' as const }],
    };
    const { job, keptWork } = mergeJob(reassigned, aliceCopy);
    expect(job.technicianIds).toEqual([ids.bruno]);
    expect(job.date).toBe('2026-12-02');
    expect(job.status).toBe('done');
    expect(job.visits).toEqual(aliceCopy.visits);
    expect(keptWork).toEqual([
      {
        technicianId: ids.alice,
        visitId: ids.visitA,
        message:
          'Intervention réaffectée alors que le technicien précédent y avait déjà travaillé hors ligne : son travail est conservé.',
      },
    ]);
  });

  it('changes nothing but the assignment when the first technician had not started', () => {
    const { job, keptWork } = mergeJob(reassigned, planned);
    expect(job).toEqual(reassigned);
    expect(keptWork).toEqual([]);
  });

  it('keeps both technicians’ visits, each at its furthest status', () => {
    const office = {
      ...reassigned,
      status: 'in-progress' as const,
      visits: [
        { visitId: ids.visitA, technicianId: ids.alice, status: 'in-progress' as const },
        { visitId: ids.visitB, technicianId: ids.bruno, status: 'in-progress' as const },
      ],
    };
    const field = {
      ...planned,
      status: 'signed' as const,
      visits: [{ visitId: ids.visitA, technicianId: ids.alice, status: 'signed' as const }],
    };
    const { job, keptWork } = mergeJob(office, field);
    expect(job.visits.map((v) => [v.visitId, v.status])).toEqual([
      [ids.visitA, 'signed'],
      [ids.visitB, 'in-progress'],
    ]);
    expect(job.status).toBe('signed');
    expect(keptWork.map((k) => k.technicianId)).toEqual([ids.alice]);
  });

  it('is idempotent, never loses a visit nor moves a status back within a round', () => {
    const visit = fc.record({
      visitId: fc.constantFrom(ids.visitA, ids.visitB, ids.job),
      technicianId: fc.constantFrom(ids.alice, ids.bruno),
      status: fc.constantFrom(...JOB_STATUSES),
    });
    const copy = fc.record({
      status: fc.constantFrom(...JOB_STATUSES),
      round: fc.integer({ min: 0, max: 2 }),
      visits: fc.uniqueArray(visit, { selector: (v) => v.visitId, maxLength: 3 }),
    });
    fc.assert(
      fc.property(copy, copy, (o, f) => {
        const office = { ...reassigned, ...o };
        const merged = mergeJob(office, { ...planned, ...f }).job;
        expect(mergeJob(merged, { ...planned, ...f }).job).toEqual(merged);
        const byId = new Map(merged.visits.map((v) => [v.visitId, v]));
        for (const v of [...o.visits, ...f.visits] as JobVisit[]) {
          expect(JOB_PROGRESS[byId.get(v.visitId)!.status]).toBeGreaterThanOrEqual(
            JOB_PROGRESS[v.status],
          );
        }
        // The later round wins; in the same round, the furthest status.
        const ahead =
          f.round > o.round ||
          (f.round === o.round && JOB_PROGRESS[f.status] > JOB_PROGRESS[o.status]);
        expect([merged.round, merged.status]).toEqual(
          ahead ? [f.round, f.status] : [o.round, o.status],
        );
        expect(merged.technicianIds).toEqual([ids.bruno]);
      }),
    );
  });
});
