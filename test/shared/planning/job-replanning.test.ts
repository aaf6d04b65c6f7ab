import { describe, expect, it } from 'vitest';
import {
  jobFieldsSchema,
  jobTransition,
  mergeJob,
  replanJob,
} from '../../../shared/planning/index';
import { ids } from './fixtures';

const base = jobFieldsSchema.parse({
  clientId: ids.client,
  requestId: ids.request,
  technicianIds: [ids.alice],
  date: '2026-12-01',
  slot: { from: '09:00', to: '12:30' },
});
const leftToContinue = {
  ...base,
  status: 'to-continue' as const,
  visits: [{ visitId: ids.visitA, technicianId: ids.alice, status: 'to-continue' as const }],
};
const nextWeek = {
  technicianIds: [ids.bruno],
  date: '2026-12-08',
  slot: { from: '14:00', to: '17:30' },
};

describe('replanJob: the office plans a job « à poursuivre » again', () => {
  it('plans it in a new round, keeping the visits made', () => {
    const replanned = replanJob(leftToContinue, nextWeek);
    expect(replanned).toEqual({
      ok: true,
      job: { ...leftToContinue, ...nextWeek, status: 'planned', round: 1 },
    });
    // The new technician can start it.
    expect(replanned.ok && jobTransition(replanned.job.status, { kind: 'started' })).toEqual({
      ok: true,
      status: 'in-progress',
    });
  });

  it('is not undone by a stale copy of the first round', () => {
    const replanned = replanJob(leftToContinue, nextWeek);
    if (!replanned.ok) throw new Error(replanned.message);
    const { job } = mergeJob(replanned.job, leftToContinue);
    expect(job.status).toBe('planned');
    expect(job.round).toBe(1);
    expect(job.technicianIds).toEqual([ids.bruno]);
    expect(job.visits).toEqual(leftToContinue.visits);
  });

  it.each([
    ['planned', 'Planifiée'],
    ['signed', 'Signée'],
  ] as const)('refuses a job « %s »', (status, label) => {
    expect(replanJob({ ...base, status }, nextWeek)).toEqual({
      ok: false,
      message: `Seule une intervention « À poursuivre » se replanifie : celle-ci est « ${label} ».`,
    });
  });
});
