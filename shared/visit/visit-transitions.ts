import type { TimerAction, TimerEvent } from '../time/events';
import { notBeforeLastTap, timerCorrectionEventSchema } from '../time/events';
import { visitTimeline } from '../time/segments';
import { newVisitInputSchema } from './new-visit-input';
import type { NewVisitInput } from './new-visit-input';
import { visitRecordSchema } from './visit-record';
import type { VisitRecord } from './visit-record';

/**
 * A visit's life as pure functions: created, started, paused, resumed, stopped (to sign),
 * its times corrected, signed, reopened for a new version of its bordereau. Each takes the
 * clock's value and the new event's id as arguments and returns the next record, or throws
 * a French error (TimerError, SignedVisitError) when the step cannot happen; the caller
 * stores the result, in one transaction.
 */

export class SignedVisitError extends Error {
  override readonly name = 'SignedVisitError';
  constructor(readonly visitId: string) {
    super(
      'Cette intervention est signée : elle ne peut plus être modifiée. Créez une nouvelle version du bordereau.',
    );
  }
}

/** A signed visit is frozen: every change but a new version refuses it. */
export function assertEditable(visit: VisitRecord): VisitRecord {
  if (visit.status === 'signed') throw new SignedVisitError(visit.id);
  return visit;
}

/** A visit not started yet (the timer shows "Démarrer"). */
export function createdVisit(
  input: NewVisitInput,
  identity: { readonly id: string; readonly now: number },
): VisitRecord {
  const { id, now } = identity;
  const valid = newVisitInputSchema.parse(input);
  return visitRecordSchema.parse({
    id,
    revision: null,
    updatedAt: now,
    clientId: valid.clientId,
    siteId: valid.siteId,
    contractId: valid.contractId,
    status: 'in-progress',
    startedAt: null,
    createdAt: now,
    header: valid.header,
    events: [],
    work: { equipment: valid.equipmentIds.map((equipmentId) => ({ equipmentId })) },
    ...(valid.jobId ? { jobId: valid.jobId } : {}),
  });
}

/**
 * One tap on the timer at `now`. The whole log is replayed first, so a tap that cannot
 * happen (pause twice, resume a stopped visit) throws a TimerError with a French message.
 * "Terminer" moves the visit to "to-sign".
 */
export function afterTimerTap(
  visit: VisitRecord,
  action: TimerAction,
  now: number,
  eventId: string,
): VisitRecord {
  assertEditable(visit);
  // A clock set back since the last tap: the tap takes the last tap's time rather than
  // leaving the technician unable to pause or close the visit until the clock catches up.
  const at = notBeforeLastTap(visit.events, now);
  const events: TimerEvent[] = [...visit.events, { id: eventId, type: action, at }];
  visitTimeline(events, at);
  return {
    ...visit,
    events,
    startedAt: action === 'start' ? at : visit.startedAt,
    status: action === 'stop' ? 'to-sign' : visit.status,
  };
}

/** Created and started in the same gesture ("Démarrer l'intervention"). */
export function startedVisit(
  input: NewVisitInput,
  identity: { readonly id: string; readonly now: number; readonly eventId: string },
): VisitRecord {
  return afterTimerTap(createdVisit(input, identity), 'start', identity.now, identity.eventId);
}

export interface TimerCorrectionInput {
  readonly target: string;
  readonly at: number;
  readonly reason: string;
}

/**
 * Fixes a forgotten start/pause/resume/stop: the original event stays, the correction names
 * it, gives the corrected time and the reason (both shown on the report).
 */
export function afterTimerCorrection(
  visit: VisitRecord,
  correction: TimerCorrectionInput,
  now: number,
  eventId: string,
): VisitRecord {
  assertEditable(visit);
  const event = timerCorrectionEventSchema.parse({
    id: eventId,
    type: 'correct',
    ...correction,
    // Never before the event it corrects, even with the clock set back since.
    recordedAt: notBeforeLastTap(visit.events, now),
  });
  const events: TimerEvent[] = [...visit.events, event];
  visitTimeline(events, notBeforeLastTap(events, now));
  return { ...visit, events };
}

export interface ReportLink {
  readonly reportId: string;
  readonly number: string;
}

/** Its bordereau numbered (a draft) or reopened as a new version: back to "to-sign". */
export function awaitingSignature(visit: VisitRecord, link: ReportLink): VisitRecord {
  return { ...visit, ...link, status: 'to-sign' };
}

/** Its bordereau sealed: the visit is signed, frozen from now on. */
export function signedVisit(visit: VisitRecord, link: ReportLink): VisitRecord {
  if (visit.status === 'in-progress') {
    throw new Error('Terminez d’abord la visite (minuteur) avant de la signer.');
  }
  return { ...visit, ...link, status: 'signed' };
}
