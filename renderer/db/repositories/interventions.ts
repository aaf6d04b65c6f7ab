import { sealedQuoteSchema } from '../../../shared/billing/quote';
import type { SealedQuote } from '../../../shared/billing/quote';
import { uuidv7 } from 'uuidv7';
import type { TimerAction, TimerEvent } from '../../../shared/time/events';
import { notBeforeLastTap, timerCorrectionEventSchema } from '../../../shared/time/events';
import { visitTimeline } from '../../../shared/time/segments';
import type {
  VisitHeaderInput,
  VisitPhoto,
  VisitRecord,
  VisitWorkInput,
} from '../../features/visits/visit-record';
import {
  visitHeaderSchema,
  visitRecordSchema,
  visitWorkSchema,
} from '../../features/visits/visit-record';
import { putRecord, RecordNotFoundError } from '../changes';
import type { BordereauDb, LooseRecord } from '../database';
import { newRecordMeta } from './new-record';

/**
 * Visits (the `interventions` table). Every timer tap is written here at once, through the
 * one write path (record + outbox in one transaction), so a reload, a crash or a closed
 * window loses nothing: the running state is recomputed from the events and the clock.
 * A signed visit is frozen: every write below refuses it.
 */

export class SignedVisitError extends Error {
  override readonly name = 'SignedVisitError';
  constructor(readonly visitId: string) {
    super(
      'Cette intervention est signée : elle ne peut plus être modifiée. Créez une nouvelle version du bordereau.',
    );
  }
}

export interface NewVisit {
  readonly clientId: string;
  readonly siteId: string;
  readonly contractId: string;
  readonly header: VisitHeaderInput;
  readonly equipmentIds?: readonly string[];
  /** The planned job the visit is started from (use-cases/today). */
  readonly jobId?: string | null;
}

function parseVisit(record: unknown): VisitRecord {
  return visitRecordSchema.parse(record);
}

async function loadEditable(db: BordereauDb, id: string): Promise<VisitRecord> {
  const stored = await db.interventions.get(id);
  if (!stored) throw new RecordNotFoundError('interventions', id);
  const visit = parseVisit(stored);
  if (visit.status === 'signed') throw new SignedVisitError(id);
  return visit;
}

/** Writes a validated visit (caller holds the transaction). */
async function save(db: BordereauDb, visit: VisitRecord, now: number): Promise<VisitRecord> {
  const valid = parseVisit(visit);
  return (await putRecord(db, 'interventions', valid as VisitRecord & LooseRecord, {
    now,
  })) as VisitRecord;
}

/** Runs `change` on an editable visit inside one transaction, then stores it. */
async function modify(
  db: BordereauDb,
  id: string,
  now: number,
  change: (visit: VisitRecord) => VisitRecord,
): Promise<VisitRecord> {
  return db.transaction('rw', db.interventions, db.outbox, async () => {
    const visit = await loadEditable(db, id);
    return save(db, change(visit), now);
  });
}

export async function createVisit(
  db: BordereauDb,
  input: NewVisit,
  now: number,
): Promise<VisitRecord> {
  const visit = parseVisit({
    ...newRecordMeta(now),
    clientId: input.clientId,
    siteId: input.siteId,
    contractId: input.contractId,
    status: 'in-progress',
    startedAt: null,
    createdAt: now,
    header: visitHeaderSchema.parse(input.header),
    events: [],
    work: { equipment: (input.equipmentIds ?? []).map((equipmentId) => ({ equipmentId })) },
    jobId: input.jobId ?? null,
  });
  return db.transaction('rw', db.interventions, db.outbox, () => save(db, visit, now));
}

/**
 * One tap on the timer, recorded with the tap's time. The whole log is replayed first, so a
 * tap that cannot happen (pause twice, resume a stopped visit) throws a TimerError with a
 * French message and nothing is written.
 */
export async function recordTimerTap(
  db: BordereauDb,
  id: string,
  action: TimerAction,
  now: number,
): Promise<VisitRecord> {
  return modify(db, id, now, (visit) => {
    // A clock set back since the last tap: the tap takes the last tap's time rather than
    // leaving the technician unable to pause or close the visit until the clock catches up.
    const at = notBeforeLastTap(visit.events, now);
    const events: TimerEvent[] = [...visit.events, { id: uuidv7(), type: action, at }];
    visitTimeline(events, at);
    return {
      ...visit,
      events,
      startedAt: action === 'start' ? at : visit.startedAt,
      status: action === 'stop' ? 'to-sign' : visit.status,
    };
  });
}

/**
 * Fixes a forgotten start/pause/resume/stop: the original event stays, the correction names
 * it, gives the corrected time and the reason (both shown on the report).
 */
export async function correctTimerEvent(
  db: BordereauDb,
  id: string,
  correction: { readonly target: string; readonly at: number; readonly reason: string },
  now: number,
): Promise<VisitRecord> {
  return modify(db, id, now, (visit) => {
    const event = timerCorrectionEventSchema.parse({
      id: uuidv7(),
      type: 'correct',
      ...correction,
      // Never before the event it corrects, even with the clock set back since.
      recordedAt: notBeforeLastTap(visit.events, now),
    });
    const events: TimerEvent[] = [...visit.events, event];
    visitTimeline(events, notBeforeLastTap(events, now));
    return { ...visit, events };
  });
}

export async function updateVisitHeader(
  db: BordereauDb,
  id: string,
  header: VisitHeaderInput,
  now: number,
): Promise<VisitRecord> {
  const parsed = visitHeaderSchema.parse(header);
  return modify(db, id, now, (visit) => ({ ...visit, header: parsed }));
}

/** Saves the work record (merged over what is stored, validated as a whole). */
export async function updateVisitWork(
  db: BordereauDb,
  id: string,
  work: Partial<VisitWorkInput>,
  now: number,
): Promise<VisitRecord> {
  return modify(db, id, now, (visit) => ({
    ...visit,
    work: visitWorkSchema.parse({ ...visit.work, ...work }),
  }));
}

/**
 * Adds a signed, sealed quote to the visit (002 art. III.2: before the complementary work).
 * A quote is never replaced: its number is refused a second time.
 */
export async function addVisitQuote(
  db: BordereauDb,
  id: string,
  quote: SealedQuote,
  now: number,
): Promise<VisitRecord> {
  const parsed = sealedQuoteSchema.parse(quote);
  return modify(db, id, now, (visit) => {
    if (visit.quotes.some((q) => q.content.number === parsed.content.number)) {
      throw new Error(`Le devis ${parsed.content.number} est déjà enregistré.`);
    }
    return { ...visit, quotes: [...visit.quotes, parsed] };
  });
}

export async function addVisitPhoto(
  db: BordereauDb,
  id: string,
  photo: VisitPhoto,
  now: number,
): Promise<VisitRecord> {
  return modify(db, id, now, (visit) =>
    visit.photos.some((p) => p.attachmentId === photo.attachmentId)
      ? visit
      : { ...visit, photos: [...visit.photos, photo] },
  );
}

export async function removeVisitPhoto(
  db: BordereauDb,
  id: string,
  attachmentId: string,
  now: number,
): Promise<VisitRecord> {
  return modify(db, id, now, (visit) => ({
    ...visit,
    photos: visit.photos.filter((p) => p.attachmentId !== attachmentId),
  }));
}

export async function getVisit(db: BordereauDb, id: string): Promise<VisitRecord | undefined> {
  const stored = await db.interventions.get(id);
  return stored ? parseVisit(stored) : undefined;
}

/** The visits not yet stopped: at most one should exist, the banner shows the latest. */
export async function listUnfinishedVisits(db: BordereauDb): Promise<VisitRecord[]> {
  const rows = await db.interventions.where('status').equals('in-progress').toArray();
  return rows.map(parseVisit).sort((a, b) => b.createdAt - a.createdAt);
}

export async function listVisits(db: BordereauDb): Promise<VisitRecord[]> {
  const rows = await db.interventions.toArray();
  return rows
    .map(parseVisit)
    .sort((a, b) => (b.startedAt ?? b.createdAt) - (a.startedAt ?? a.createdAt));
}

/**
 * Written by the reports repository only, in its own transaction: links the numbered report
 * and moves the visit to "signed" (or back to "to-sign" for a new version).
 */
export async function linkVisitReport(
  db: BordereauDb,
  id: string,
  link: {
    readonly reportId: string;
    readonly number: string;
    readonly status: VisitRecord['status'];
  },
  now: number,
): Promise<VisitRecord> {
  const stored = await db.interventions.get(id);
  if (!stored) throw new RecordNotFoundError('interventions', id);
  return save(db, { ...parseVisit(stored), ...link }, now);
}
