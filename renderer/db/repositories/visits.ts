import { sealedQuoteSchema } from '../../../shared/billing/quote';
import type { SealedQuote } from '../../../shared/billing/quote';
import { uuidv7 } from 'uuidv7';
import type { TimerAction } from '../../../shared/time/events';
import {
  afterTimerCorrection,
  afterTimerTap,
  assertEditable,
  awaitingSignature,
  createdVisit,
  SignedVisitError,
  signedVisit,
} from '../../../shared/visit/visit-transitions';
import type { ReportLink, TimerCorrectionInput } from '../../../shared/visit/visit-transitions';
import type { NewVisitInput } from '../../../shared/visit/new-visit-input';
import type {
  VisitHeaderInput,
  VisitPhoto,
  VisitRecord,
  VisitWorkInput,
} from '../../../shared/visit/visit-record';
import {
  visitHeaderSchema,
  visitRecordSchema,
  visitWorkSchema,
} from '../../../shared/visit/visit-record';
import { putRecord, RecordNotFoundError } from '../changes';
import type { BordereauDb, LooseRecord } from '../database';

/**
 * Visits (the `interventions` table). Every timer tap is written here at once, through the
 * one write path (record + outbox in one transaction), so a reload, a crash or a closed
 * window loses nothing: the running state is recomputed from the events and the clock.
 * A signed visit is frozen: every write below refuses it.
 */

export { SignedVisitError };

export type NewVisit = NewVisitInput;

function parseVisit(record: unknown): VisitRecord {
  return visitRecordSchema.parse(record);
}

async function loadEditable(db: BordereauDb, id: string): Promise<VisitRecord> {
  const stored = await db.interventions.get(id);
  if (!stored) throw new RecordNotFoundError('interventions', id);
  return assertEditable(parseVisit(stored));
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

/** Stores a visit created on this laptop (not started: the timer shows "Démarrer"). */
export async function createVisit(
  db: BordereauDb,
  input: NewVisit,
  now: number,
): Promise<VisitRecord> {
  return insertVisit(db, createdVisit(input, { id: uuidv7(), now }), now);
}

/**
 * Stores a new visit record in one transaction (record + outbox): a visit created and
 * started in one gesture is written once, never half.
 */
export async function insertVisit(
  db: BordereauDb,
  visit: VisitRecord,
  now: number,
): Promise<VisitRecord> {
  return db.transaction('rw', db.interventions, db.outbox, async () => {
    if (await db.interventions.get(visit.id)) {
      throw new Error('Cette intervention existe déjà sur ce poste.');
    }
    return save(db, visit, now);
  });
}

/**
 * One tap on the timer, recorded with the tap's time (shared/visit/visit-transitions.ts):
 * a tap that cannot happen throws a TimerError with a French message and nothing is written.
 */
export async function recordTimerTap(
  db: BordereauDb,
  id: string,
  action: TimerAction,
  now: number,
): Promise<VisitRecord> {
  return modify(db, id, now, (visit) => afterTimerTap(visit, action, now, uuidv7()));
}

/** Fixes a forgotten start/pause/resume/stop (the original event stays). */
export async function correctTimerEvent(
  db: BordereauDb,
  id: string,
  correction: TimerCorrectionInput,
  now: number,
): Promise<VisitRecord> {
  return modify(db, id, now, (visit) => afterTimerCorrection(visit, correction, now, uuidv7()));
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

/** One client's visits, latest first, through the clientId index (not every visit read). */
export async function listClientVisits(db: BordereauDb, clientId: string): Promise<VisitRecord[]> {
  const rows = await db.interventions.where('clientId').equals(clientId).toArray();
  return rows
    .map(parseVisit)
    .sort((a, b) => (b.startedAt ?? b.createdAt) - (a.startedAt ?? a.createdAt));
}

export async function listVisits(db: BordereauDb): Promise<VisitRecord[]> {
  const rows = await db.interventions.toArray();
  return rows
    .map(parseVisit)
    .sort((a, b) => (b.startedAt ?? b.createdAt) - (a.startedAt ?? a.createdAt));
}

/**
 * Written by the reports repository only, in its own transaction: links the numbered report
 * and moves the visit to "signed" (or back to "to-sign" for a draft or a new version).
 */
export async function linkVisitReport(
  db: BordereauDb,
  id: string,
  link: ReportLink & { readonly status: 'to-sign' | 'signed' },
  now: number,
): Promise<VisitRecord> {
  const stored = await db.interventions.get(id);
  if (!stored) throw new RecordNotFoundError('interventions', id);
  const visit = parseVisit(stored);
  const { status, ...report } = link;
  return save(
    db,
    status === 'signed' ? signedVisit(visit, report) : awaitingSignature(visit, report),
    now,
  );
}
