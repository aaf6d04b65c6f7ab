import { uuidv7 } from 'uuidv7';
import {
  ENTITY_DATA_SCHEMAS,
  OFFICE_ONLY_ENTITIES,
  SERVER_CREATED_ENTITIES,
  recordClientId,
} from '../../shared/sync/entities';
import type { Mutation } from '../../shared/sync/mutation';
import type { ConflictField, RejectionReason } from '../../shared/sync/protocol';
import { SYNC_LIMITS } from '../../shared/sync/protocol';
import type { AuthenticatedAccount } from '../auth/tokens';
import type { Queryable } from '../db/database';
import { admitFieldClient, isSealedReportCreation, redirectMergedClient } from './field-clients';
import { fieldsChangedSince, mergeChanges } from './merge';
import type { StoredRecord } from './record-store';
import type { BatchRecords, RecordWrite } from './record-store';
import { writeRecord } from './record-store';
import { conflictTooLarge } from './conflict-size';
import { reportAuthorshipRefusal } from './report-authorship';
import { checkReportSeal } from './report-seal';
import type { JobEditDecision } from './job-ownership';
import { mergeJobWork, sortJobEdit } from './job-ownership';
import { serverWrittenEditRefusal } from './server-written';

export type ApplyContext = {
  account: AuthenticatedAccount;
  deviceId: string;
  /** Clients the account may write; null = all (office). */
  scope: ReadonlySet<string> | null;
  /** The batch's records, locked. */
  records: BatchRecords;
  now: number;
};

/** What became of one mutation (before the `alreadyApplied` replay case, handled by the push). */
export type MutationOutcome =
  | { status: 'applied'; revision: number }
  | { status: 'conflict'; revision: number; conflictId: string; fields: ConflictField[] }
  | { status: 'rejected'; reason: RejectionReason; message: string };

function reject(reason: RejectionReason, message: string): MutationOutcome {
  return { status: 'rejected', reason, message };
}

/**
 * Applies one mutation inside the push transaction, re-validating and re-authorising it: the
 * server is the authority, whatever the device checked. Permanent refusals come back as
 * `rejected`; anything thrown is temporary and aborts the whole batch, except a refusal of
 * this mutation's data by the database, which the push turns into its rejection (push.ts).
 */
export async function applyMutation(
  tx: Queryable,
  ctx: ApplyContext,
  mutation: Mutation,
): Promise<MutationOutcome> {
  let m = mutation;
  const isOffice = ctx.account.role === 'office';
  const existing = await ctx.records.get(tx, m.entity, m.recordId);
  if (!isOffice && m.entity === 'clients') {
    // Clients created on site (field-clients.ts).
    const field = await admitFieldClient(tx, ctx, m, existing);
    if (field.kind === 'refuse') return field.outcome;
    m = field.mutation;
  } else if (!isOffice && OFFICE_ONLY_ENTITIES.has(m.entity)) {
    return reject('forbidden', 'Seul le bureau peut modifier ces données.');
  }
  if (!existing && SERVER_CREATED_ENTITIES.has(m.entity)) {
    return reject('forbidden', 'Ces données sont créées par le serveur uniquement.');
  }
  const serverWritten = serverWrittenEditRefusal(m);
  if (serverWritten) return reject('forbidden', serverWritten);

  let clientId = existing ? existing.clientId : recordClientId(m.entity, m.recordId, m.changes);
  if (clientId === undefined) {
    return reject('invalid', 'Le client (clientId) de l’enregistrement est absent ou invalide.');
  }
  if (!isOffice && clientId !== null && !ctx.scope?.has(clientId)) {
    // Filed under a client merged since (field-clients.ts): under the surviving one.
    const redirected = await redirectMergedClient(tx, ctx, m, existing, clientId);
    if (redirected) ({ mutation: m, clientId } = redirected);
  }
  if (
    !isOffice &&
    clientId !== null &&
    !ctx.scope?.has(clientId) &&
    !isSealedReportCreation(m, existing)
  ) {
    return reject('forbidden', 'Ce client ne vous est pas attribué.');
  }
  if (!isOffice && clientId === null) {
    return reject('forbidden', 'Seul le bureau peut modifier ces données.');
  }
  if (
    existing &&
    m.op === 'upsert' &&
    'clientId' in m.changes &&
    m.changes['clientId'] !== existing.clientId &&
    m.entity !== 'clients'
  ) {
    return reject('client_change', 'Un enregistrement ne peut pas changer de client.');
  }
  if (existing?.sealed) {
    return reject(
      'sealed',
      'Ce bordereau est signé et scellé : il ne peut plus être modifié. Créez une nouvelle version.',
    );
  }

  let jobWork: JobEditDecision & { kind: 'proceed' } = { kind: 'proceed', mutation: m, work: null };
  if (m.entity === 'jobs') {
    // The office owns a job's assignment, the field its work (job-ownership.ts).
    const sorted = sortJobEdit(isOffice, m, existing);
    if (sorted.kind === 'refuse') return sorted.outcome;
    jobWork = sorted;
    m = sorted.mutation;
  }

  const base = m.baseRevision ?? 0;
  return m.op === 'delete'
    ? applyDelete(tx, ctx, m, existing, base)
    : applyUpsert(tx, ctx, m, existing, clientId, base, jobWork.work);
}

async function applyDelete(
  tx: Queryable,
  ctx: ApplyContext,
  m: Mutation,
  existing: StoredRecord | null,
  base: number,
): Promise<MutationOutcome> {
  // Never reached the server (created and deleted offline is pushed as create + delete, so this
  // is a delete of something unknown): nothing to do.
  if (!existing) return { status: 'applied', revision: 0 };
  if (existing.deleted) return { status: 'applied', revision: existing.revision };
  const changedSince = fieldsChangedSince(existing.data, existing.fieldRevisions, base);
  if (changedSince.length > 0) {
    const tooLarge = conflictTooLarge(changedSince);
    if (tooLarge) return reject('invalid', tooLarge);
    // Deleting would throw away an edit this device never saw: keep the record, let the user decide.
    const conflictId = await recordConflict(tx, ctx, m, existing, 'deleteVsEdit', changedSince);
    return { status: 'conflict', revision: existing.revision, conflictId, fields: changedSince };
  }
  const revision = existing.revision + 1;
  await save(tx, ctx, { ...existing, revision, deleted: true, sealHash: null }, false);
  return { status: 'applied', revision };
}

async function applyUpsert(
  tx: Queryable,
  ctx: ApplyContext,
  m: Mutation,
  existing: StoredRecord | null,
  clientId: string | null,
  base: number,
  /** A job's work fields, merged by mergeJob rather than field by field (job-ownership.ts). */
  jobWork: Parameters<typeof mergeJobWork>[2] | null = null,
): Promise<MutationOutcome> {
  // Checked on the edit itself, before anything (merge, conflict record) walks or stores it.
  const unstorable = unstorableData(m.changes);
  if (unstorable) return reject('invalid', unstorable);
  if (existing?.deleted && base < existing.revision) {
    // Edited here, deleted elsewhere: the tombstone stays and the edit is kept in the conflict.
    const fields = Object.entries(m.changes).map(([field, deviceValue]) => ({
      field,
      serverValue: null,
      deviceValue,
    }));
    const tooLarge = conflictTooLarge(fields);
    if (tooLarge) return reject('invalid', tooLarge);
    const conflictId = await recordConflict(tx, ctx, m, existing, 'editVsDelete', fields);
    return { status: 'conflict', revision: existing.revision, conflictId, fields };
  }
  const live = existing && !existing.deleted ? existing : null;
  let merge = live
    ? mergeChanges(live.data, live.fieldRevisions, m.changes, base)
    : { data: { ...m.changes }, appliedFields: Object.keys(m.changes), conflicts: [] };
  if (live && jobWork) {
    merge = mergeJobWork(live.data, merge, jobWork, ctx.account.role === 'office');
  }

  if (merge.conflicts.length > 0) {
    const tooLarge = conflictTooLarge(merge.conflicts);
    if (tooLarge) return reject('invalid', tooLarge);
  }

  const invalid = await validateData(m, merge.data);
  if (invalid) return reject(invalid.reason, invalid.message);
  let sealHash: string | null = null;
  if (m.entity === 'reports') {
    const seal = await checkReportSeal(merge.data);
    if (seal.kind === 'invalid') return reject('seal_mismatch', seal.message);
    if (seal.kind === 'sealed') sealHash = seal.hash;
    const authorship = await reportAuthorshipRefusal(
      tx,
      ctx.account,
      m.recordId,
      merge.data,
      sealHash !== null,
      ctx.now,
    );
    if (authorship) return reject(authorship.reason, authorship.message);
  }

  let revision = existing?.revision ?? 0;
  if (merge.appliedFields.length > 0 || !live) {
    revision += 1;
    const fieldRevisions: Record<string, number> = live ? { ...live.fieldRevisions } : {};
    for (const field of merge.appliedFields) fieldRevisions[field] = revision;
    await save(
      tx,
      ctx,
      {
        entity: m.entity,
        id: m.recordId,
        clientId,
        data: merge.data,
        fieldRevisions,
        revision,
        deleted: false,
        sealHash,
      },
      existing === null,
    );
  }
  if (merge.conflicts.length > 0 && live) {
    const conflictId = await recordConflict(tx, ctx, m, live, 'edit', merge.conflicts);
    return { status: 'conflict', revision, conflictId, fields: merge.conflicts };
  }
  return { status: 'applied', revision };
}

async function save(
  tx: Queryable,
  ctx: ApplyContext,
  write: RecordWrite,
  isNew: boolean,
): Promise<void> {
  await writeRecord(tx, write, ctx.now, isNew, ctx.account.id);
  ctx.records.remember(write);
}

async function validateData(
  m: Mutation,
  data: Record<string, unknown>,
): Promise<{ reason: RejectionReason; message: string } | null> {
  // Safe: the edit passed unstorableData (bounded depth), the rest comes from the database.
  const json = JSON.stringify(data);
  const bytes = Buffer.byteLength(json);
  if (bytes > SYNC_LIMITS.maxRecordBytes) {
    return {
      reason: 'invalid',
      message: `Enregistrement trop volumineux (${bytes} octets, ${SYNC_LIMITS.maxRecordBytes} au plus).`,
    };
  }
  const parsed = ENTITY_DATA_SCHEMAS[m.entity].safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue && issue.path.length > 0 ? ` (${issue.path.join('.')})` : '';
    return {
      reason: 'invalid',
      message: `Données invalides : ${issue?.message ?? 'format inattendu'}${where}.`,
    };
  }
  return null;
}

/** `String.prototype.isWellFormed` (Node 20); the ES2023 lib the server compiles with lacks it. */
type WellFormedCheck = string & { isWellFormed(): boolean };

/** Why a string cannot be stored in jsonb, or null. */
function unstorableText(text: string): string | null {
  // PostgreSQL text cannot hold NUL.
  if (text.includes('\0')) return 'Caractère nul interdit dans les données.';
  // Half of a UTF-16 pair (a text cut in the middle of an emoji) has no UTF-8 form: jsonb
  // refuses it (SQLSTATE 22P02).
  if (!(text as WellFormedCheck).isWellFormed()) {
    return 'Texte mal encodé dans les données (caractère Unicode incomplet).';
  }
  return null;
}

/**
 * Why an edit's data can never be stored, or null: a string or key jsonb refuses, a number
 * out of range, or nesting deeper than SYNC_LIMITS.maxDataDepth. Walked with an explicit stack, not recursion: JSON.parse
 * accepts any depth, and recursing over hundreds of thousands of levels (JSON.stringify does)
 * overflows the call stack. Refusing here makes it the mutation's permanent rejection instead
 * of an error that fails the batch on every retry.
 */
export function unstorableData(changes: Record<string, unknown>): string | null {
  const stack: { value: unknown; depth: number }[] = [{ value: changes, depth: 1 }];
  for (let item = stack.pop(); item !== undefined; item = stack.pop()) {
    const { value, depth } = item;
    // JSON.parse reads 1e400 as Infinity, which JSON cannot write back (it becomes null and
    // breaks the seal's canonical JSON): refused here, alone, rather than failing the batch.
    if (typeof value === 'number' && !Number.isFinite(value)) {
      return 'Nombre hors limites dans les données.';
    }
    if (typeof value === 'string') {
      const refused = unstorableText(value);
      if (refused) return refused;
      continue;
    }
    if (typeof value !== 'object' || value === null) continue;
    if (depth > SYNC_LIMITS.maxDataDepth) {
      return `Données trop imbriquées (${SYNC_LIMITS.maxDataDepth} niveaux au plus).`;
    }
    if (Array.isArray(value)) {
      for (const element of value as unknown[]) stack.push({ value: element, depth: depth + 1 });
      continue;
    }
    for (const [key, element] of Object.entries(value)) {
      const refused = unstorableText(key);
      if (refused) return refused;
      stack.push({ value: element, depth: depth + 1 });
    }
  }
  return null;
}

/** Both sides of an overlap, kept as a `syncConflicts` record the user resolves in the app. */
async function recordConflict(
  tx: Queryable,
  ctx: ApplyContext,
  m: Mutation,
  record: StoredRecord,
  kind: 'edit' | 'deleteVsEdit' | 'editVsDelete',
  fields: ConflictField[],
): Promise<string> {
  const id = uuidv7();
  const data = {
    clientId: record.clientId,
    entity: m.entity,
    recordId: m.recordId,
    kind,
    fields,
    baseRevision: m.baseRevision,
    serverRevision: record.revision,
    deviceId: ctx.deviceId,
    accountId: ctx.account.id,
    accountName: ctx.account.name,
    mutationId: m.mutationId,
    editedAt: m.at,
    detectedAt: ctx.now,
    resolved: false,
  };
  const fieldRevisions = Object.fromEntries(Object.keys(data).map((k) => [k, 1]));
  await writeRecord(
    tx,
    {
      entity: 'syncConflicts',
      id,
      clientId: record.clientId,
      data,
      fieldRevisions,
      revision: 1,
      deleted: false,
      sealHash: null,
    },
    ctx.now,
    true,
    ctx.account.id,
  );
  return id;
}
