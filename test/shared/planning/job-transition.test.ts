import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isInOfficeQueue, JOB_STATUSES, jobTransition } from '../../../shared/planning/index';
import type { JobStatus, VisitEvent } from '../../../shared/planning/index';

const start: VisitEvent = { kind: 'started' };
const stop: VisitEvent = { kind: 'stopped' };
const resume: VisitEvent = { kind: 'resumed' };
const sealed = (result: 'resolved' | 'to-be-continued' | 'interrupted'): VisitEvent => ({
  kind: 'sealed',
  result,
});

const run = (events: readonly VisitEvent[]): JobStatus => {
  let status: JobStatus = 'planned';
  for (const event of events) {
    const next = jobTransition(status, event);
    if (!next.ok) throw new Error(next.message);
    status = next.status;
  }
  return status;
};

describe('jobTransition: the job follows its visit', () => {
  it.each([
    ['started', [start], 'in-progress'],
    ['stopped', [start, stop], 'done'],
    ['signed resolved', [start, stop, sealed('resolved')], 'signed'],
    ['resumed before signature', [start, stop, resume, stop, sealed('resolved')], 'signed'],
    ['signed « à poursuivre »', [start, stop, sealed('to-be-continued')], 'to-continue'],
    ['interrupted', [start, stop, sealed('interrupted')], 'to-continue'],
  ] as const)('%s → %s', (_, events, status) => {
    expect(run(events)).toBe(status);
  });

  it.each([
    [
      'planned',
      sealed('resolved'),
      'Impossible de signer le bordereau : l’intervention est « Planifiée ».',
    ],
    ['planned', stop, 'Impossible de terminer la visite : l’intervention est « Planifiée ».'],
    ['in-progress', start, 'Impossible de démarrer la visite : l’intervention est « En cours ».'],
    ['signed', resume, 'Impossible de reprendre la visite : l’intervention est « Signée ».'],
    [
      'to-continue',
      start,
      'Impossible de démarrer la visite : l’intervention est « À poursuivre ».',
    ],
  ] as const)('refuses from %s: %s', (status, event, message) => {
    expect(jobTransition(status, event)).toEqual({ ok: false, message });
  });

  it('puts only jobs « à poursuivre » back in the office’s queue', () => {
    expect(JOB_STATUSES.filter((status) => isInOfficeQueue({ status }))).toEqual(['to-continue']);
  });

  it('never leaves « signée », whatever happens next', () => {
    const event = fc.constantFrom<VisitEvent>(
      start,
      stop,
      resume,
      sealed('resolved'),
      sealed('to-be-continued'),
      sealed('interrupted'),
    );
    fc.assert(
      fc.property(fc.array(event, { maxLength: 30 }), (events) => {
        let status: JobStatus = 'planned';
        let signed = false;
        for (const e of events) {
          const next = jobTransition(status, e);
          if (next.ok) status = next.status;
          if (status === 'signed') signed = true;
          if (signed) expect(status).toBe('signed');
        }
      }),
    );
  });
});
