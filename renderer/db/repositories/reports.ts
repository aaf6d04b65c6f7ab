import { uuidv7 } from 'uuidv7';
import type {
  DraftReport,
  Report,
  ReportContent,
  ReportSignatures,
  SealedReport,
} from '../../../shared/report/model';
import { reportContentSchema } from '../../../shared/report/model';
import {
  lastSequenceAmong,
  nextReportNumber,
  REPORT_NUMBER_PREFIX,
  reportYear,
} from '../../../shared/report/number';
import { canonicalJson } from '../../../shared/report/canonical-json';
import {
  editReport,
  newVersionOf,
  sealReport,
  SealedReportError,
} from '../../../shared/report/seal';
import { reportClosure, reportClosureLabel } from '../../../shared/report/status';
import type { ReportClosure } from '../../../shared/report/status';
import { PARIS_TIME_ZONE } from '../../../shared/calendar/local-date';
import { reportOf, reportRecordSchema } from '../../../shared/sync/report-record';
import { putRecord, RecordNotFoundError } from '../changes';
import type { BordereauDb, StoredReport } from '../database';
import { SYNC_STATE_KEYS } from '../sync-state-keys';
import { linkVisitReport } from './visits';

/**
 * Bordereaux as stored on the laptop (the `reports` table), in the one shape of a report
 * record (shared/sync/report-record.ts): the report itself (`status`, `content`, `seal`) plus
 * its client and visit, as the wire and the office server have it. A sealed report is
 * immutable: every write here goes through `writeReport`, which refuses to replace a sealed
 * record; a correction is a new version (`newReportVersion`) that references the sealed one.
 */
export type { StoredReport };

/** The per-technician, per-year sequence, kept in settings so a deleted draft never frees a number. */
export function sequenceKey(technicianCode: string, year: number): string {
  return `reportSequence:${technicianCode}:${year}`;
}

/** A row checked against the record's schema (which leaves the envelope out), envelope kept. */
function parseStored(row: StoredReport): StoredReport {
  const { id, revision, updatedAt } = row;
  return { ...reportRecordSchema.parse(row), id, revision, updatedAt };
}

async function writeReport(
  db: BordereauDb,
  record: StoredReport,
  now: number,
): Promise<StoredReport> {
  const existing = await db.reports.get(record.id);
  if (existing && existing.status === 'sealed') {
    throw new SealedReportError(existing.id, existing.content.number, existing.seal.hash);
  }
  return putRecord(db, 'reports', record, { now });
}

function storedFrom(
  report: Report,
  meta: { interventionId: string; clientId: string; revision: number | null; updatedAt: number },
): StoredReport {
  return {
    ...report,
    id: report.content.id,
    revision: meta.revision,
    updatedAt: meta.updatedAt,
    interventionId: meta.interventionId,
    clientId: meta.clientId,
  };
}

export interface NewDraftReport {
  readonly interventionId: string;
  readonly clientId: string;
  /** Everything but the number, which is given here, in the transaction that stores the report. */
  readonly content: Omit<ReportContent, 'number'>;
}

/** After a backup restore, numbering waits for one full sync (see SYNC_STATE_KEYS). */
export class ReportNumberingBlockedError extends Error {
  override readonly name = 'ReportNumberingBlockedError';
  constructor() {
    super(
      'Numéro de bordereau impossible pour l’instant : la base vient d’être restaurée depuis une sauvegarde. ' +
        'Synchronisez une fois avec le bureau pour connaître les derniers numéros utilisés, puis réessayez.',
    );
  }
}

/**
 * Numbers and stores a first draft: reads the technician's last sequence for the year (the
 * counter in settings, or a higher number among the reports on this laptop), takes the
 * next one and stores the counter, the report, its outbox entry and the visit's link in ONE
 * transaction, so two reports created at once can never share a number.
 */
export async function createDraftReport(
  db: BordereauDb,
  input: NewDraftReport,
  now: number,
): Promise<StoredReport> {
  const code = input.content.technician.code;
  const year = reportYear(input.content.issuedAt, PARIS_TIME_ZONE);
  return db.transaction(
    'rw',
    [db.reports, db.outbox, db.settings, db.interventions, db.syncState],
    async () => {
      if (await db.syncState.get(SYNC_STATE_KEYS.restoredUnsynced)) {
        throw new ReportNumberingBlockedError();
      }
      const key = sequenceKey(code, year);
      const counter = await db.settings.get(key);
      const numbers = (await db.reports
        .where('content.number')
        .startsWith(`${REPORT_NUMBER_PREFIX}-${year}-${code}-`)
        .keys()) as string[];
      const fromCounter = typeof counter?.value === 'number' ? counter.value : null;
      const fromReports = lastSequenceAmong(numbers, code, year);
      const last = Math.max(fromCounter ?? 0, fromReports ?? 0);
      const number = nextReportNumber({
        technicianCode: code,
        year,
        lastSequence: last === 0 ? null : last,
      });
      const content = reportContentSchema.parse({ ...input.content, number });
      await db.settings.put({ key, value: last + 1 });
      const stored = await writeReport(
        db,
        storedFrom({ status: 'draft', content }, { ...input, revision: null, updatedAt: now }),
        now,
      );
      await linkVisitReport(
        db,
        input.interventionId,
        { reportId: stored.id, number, status: 'to-sign' },
        now,
      );
      return stored;
    },
  );
}

/**
 * Replaces a draft's content (rebuilt from the visit before signing). Identity (id, number,
 * version) stays the stored one; a sealed report is refused with SealedReportError.
 */
export async function updateDraftReport(
  db: BordereauDb,
  id: string,
  content: Omit<ReportContent, 'id' | 'number' | 'version'>,
  now: number,
): Promise<StoredReport> {
  return db.transaction('rw', db.reports, db.outbox, async () => {
    const stored = await getReport(db, id);
    if (!stored) throw new RecordNotFoundError('reports', id);
    const edited = editReport(reportOf(stored), (current) => ({
      ...current,
      ...content,
      id: current.id,
      number: current.number,
      version: current.version,
    }));
    return writeReport(db, { ...storedFrom(edited, stored), updatedAt: now }, now);
  });
}

/**
 * More writes for the sealing transaction, from another part of the app (the planned job
 * following its visit, use-cases/today): saved with the sealed report, or nothing is.
 */
export interface SealFollowUp {
  readonly tables: readonly string[];
  readonly write: (sealed: StoredReport) => Promise<void>;
}

/**
 * Signs and seals a draft (shared/report seal). Hashing is asynchronous WebCrypto, which
 * cannot run inside an IndexedDB transaction, so the draft is sealed first and stored only
 * if it has not changed in between; the visit is marked signed in the same transaction.
 */
export async function sealStoredReport(
  db: BordereauDb,
  id: string,
  signatures: ReportSignatures,
  now: number,
  followUp?: SealFollowUp,
): Promise<StoredReport> {
  const before = await getReport(db, id);
  if (!before) throw new RecordNotFoundError('reports', id);
  const sealed: SealedReport = await sealReport(reportOf(before), signatures, now);
  const tables = [db.reports, db.outbox, db.interventions, ...(followUp?.tables ?? [])];
  return db.transaction('rw', tables, async () => {
    const current = await getReport(db, id);
    if (!current) throw new RecordNotFoundError('reports', id);
    if (current.status === 'sealed') {
      throw new SealedReportError(current.id, current.content.number, current.seal.hash);
    }
    if (canonicalJson(current.content) !== canonicalJson(before.content)) {
      throw new Error(
        'Le bordereau a été modifié pendant la signature : relisez-le et signez à nouveau.',
      );
    }
    const stored = await writeReport(db, { ...storedFrom(sealed, current), updatedAt: now }, now);
    await linkVisitReport(
      db,
      current.interventionId,
      { reportId: id, number: current.content.number, status: 'signed' },
      now,
    );
    await followUp?.write(stored);
    return stored;
  });
}

/**
 * A correction of a sealed report: a new draft, same number, next version, referencing the
 * sealed one (id, number, hash). The visit is reopened for editing and points to the draft.
 */
export async function newReportVersion(
  db: BordereauDb,
  sealedId: string,
  now: number,
): Promise<StoredReport> {
  return db.transaction('rw', [db.reports, db.outbox, db.interventions], async () => {
    const stored = await getReport(db, sealedId);
    if (!stored) throw new RecordNotFoundError('reports', sealedId);
    if (stored.status !== 'sealed')
      throw new Error('Seul un bordereau signé donne lieu à une nouvelle version.');
    const successor = await db.reports
      .where('interventionId')
      .equals(stored.interventionId)
      .filter((r) => r.status === 'draft')
      .first();
    if (successor) return parseStored(successor);
    const draft: DraftReport = newVersionOf(reportOf(stored), { id: uuidv7(), now });
    const created = await writeReport(
      db,
      storedFrom(draft, { ...stored, revision: null, updatedAt: now }),
      now,
    );
    await linkVisitReport(
      db,
      stored.interventionId,
      { reportId: created.id, number: created.content.number, status: 'to-sign' },
      now,
    );
    return created;
  });
}

export async function getReport(db: BordereauDb, id: string): Promise<StoredReport | undefined> {
  const row = await db.reports.get(id);
  return row ? parseStored(row) : undefined;
}

export async function listReportsOfClient(
  db: BordereauDb,
  clientId: string,
): Promise<StoredReport[]> {
  const rows = await db.reports.where('clientId').equals(clientId).toArray();
  return rows.map(parseStored).sort((a, b) => b.content.issuedAt - a.content.issuedAt);
}

export async function listReportsOfVisit(
  db: BordereauDb,
  interventionId: string,
): Promise<StoredReport[]> {
  const rows = await db.reports.where('interventionId').equals(interventionId).toArray();
  return rows.map(parseStored).sort((a, b) => a.content.version.number - b.content.version.number);
}

/**
 * How each report is closed, for lists: read as stored (it was validated when written), so a
 * list of hundreds of reports with photos does not re-validate every image.
 */
export async function reportClosures(
  db: BordereauDb,
  ids: readonly string[],
): Promise<Map<string, { closure: ReportClosure; label: string }>> {
  const rows = await db.reports.bulkGet([...ids]);
  const closures = new Map<string, { closure: ReportClosure; label: string }>();
  for (const row of rows) {
    if (row)
      closures.set(row.id, {
        closure: reportClosure(row),
        label: reportClosureLabel(row),
      });
  }
  return closures;
}
