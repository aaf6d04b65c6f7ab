import type { EntityName } from '../../shared/sync/mutation';
import type { RejectionReason } from '../../shared/sync/protocol';
import { withoutIndexFields } from '../db/changes';
import type { BordereauDb } from '../db/database';
import { stripEnvelope, tableNameOf } from './wire-record';
import { findEntityDeclaration } from '../../shared/sync/entity-registry';
import { OFFICE_TYPED_ENTITIES } from './office-typed';

/**
 * The rule: nothing a user made is dropped by a refusal. A record the server refuses for good
 * stays on this laptop, where it was, with a mark saying why and what to do. The marks live in
 * `syncState` under `refused:<entity>:<id>`, one per record, written in the same transaction
 * as the refusal (dexie-sync-store.ts) and shown on the record's screen and under
 * Synchronisation.
 */
export const REFUSAL_PREFIX = 'refused:';

export interface RefusalMark {
  readonly entity: EntityName;
  readonly recordId: string;
  /** The client the record is filed under (its own id for a client), to show it there. */
  readonly clientId: string | null;
  /** Null when only the fact of the refusal came back (its reply was lost). */
  readonly reason: RejectionReason | null;
  /** The server's French message. */
  readonly message: string;
  readonly at: number;
  /**
   * The server never accepted this record (it was created here): it exists on this laptop only
   * and stays as it is. Otherwise an edit of a record the office has was refused: the office's
   * version is shown again and the refused change is kept in the list of refusals.
   */
  readonly localOnly: boolean;
}

export function refusalKey(entity: string, recordId: string): string {
  return `${REFUSAL_PREFIX}${entity}:${recordId}`;
}

/** A row the server has never accepted: no server revision (created here, never confirmed). */
/** The client a refused record belongs to, from its local copy or the refused change. */
export function refusedClientId(
  entity: string,
  recordId: string,
  local: Record<string, unknown> | undefined,
  changes: Record<string, unknown>,
): string | null {
  if (findEntityDeclaration(entity)?.scope === 'self') return recordId;
  const clientId = local?.['clientId'] ?? changes['clientId'];
  return typeof clientId === 'string' ? clientId : null;
}

export function isLocalOnly(row: Record<string, unknown>): boolean {
  return row['revision'] === null || row['revision'] === undefined;
}

/** What the user can do about a refusal, in French, by what was refused and why. */
export function refusalAdvice(mark: Pick<RefusalMark, 'entity' | 'reason' | 'localOnly'>): string {
  const where = mark.localOnly
    ? 'Il reste sur cet ordinateur, non envoyé.'
    : 'La version du bureau est affichée ; votre modification est gardée sous Synchronisation.';
  if (OFFICE_TYPED_ENTITIES.has(mark.entity)) {
    return `${where} Les contrats et le catalogue sont saisis par le bureau : transmettez-lui ces informations. En attendant, les visites sont facturées aux tarifs par défaut de l’entreprise (Paramètres).`;
  }
  switch (mark.reason) {
    case 'forbidden':
      return `${where} Ce client n’est pas (ou plus) attribué à votre compte, ou la fiche est réservée au bureau : demandez au bureau de vous l’attribuer, puis « Renvoyer ».`;
    case 'invalid':
      return `${where} Corrigez les champs signalés puis « Renvoyer ».`;
    case 'sealed':
      return `${where} Un bordereau signé ne change plus : créez une nouvelle version.`;
    case 'seal_mismatch':
      return `${where} Le sceau du bordereau ne correspond pas à son contenu : prévenez le bureau.`;
    case 'client_change':
      return `${where} Un enregistrement ne change pas de client : créez-le de nouveau sous le bon client.`;
    default:
      return `${where} Consultez le détail sous Synchronisation.`;
  }
}

export async function readRefusalMarks(db: BordereauDb): Promise<RefusalMark[]> {
  const rows = await db.syncState.where('key').startsWith(REFUSAL_PREFIX).toArray();
  return rows.map((r) => r.value as RefusalMark);
}

/** The marks of a client's records (the client's own included). */
export async function readClientRefusalMarks(
  db: BordereauDb,
  clientId: string,
): Promise<RefusalMark[]> {
  return (await readRefusalMarks(db)).filter((m) => m.clientId === clientId);
}

export async function readRefusalMark(
  db: BordereauDb,
  entity: string,
  recordId: string,
): Promise<RefusalMark | null> {
  const row = await db.syncState.get(refusalKey(entity, recordId));
  return (row?.value as RefusalMark | undefined) ?? null;
}

/**
 * Sends a refused record again, whole, as a creation (once the office has done what the advice
 * says, e.g. assigned the client). The mark goes; a new refusal would put it back.
 */
export async function resendRefused(
  db: BordereauDb,
  entity: EntityName,
  recordId: string,
  now: number,
): Promise<boolean> {
  const table = db.table(tableNameOf(entity));
  return db.transaction('rw', [db.syncState, db.outbox, table], async () => {
    const row = (await table.get(recordId)) as Record<string, unknown> | undefined;
    if (!row) return false;
    const { localOnly } = ((await db.syncState.get(refusalKey(entity, recordId)))?.value ??
      {}) as Partial<RefusalMark>;
    await db.outbox.add({
      entity,
      recordId,
      op: 'upsert',
      baseRevision:
        localOnly === false && typeof row['revision'] === 'number' ? row['revision'] : null,
      changes: withoutIndexFields(entity, stripEnvelope(row)),
      at: now,
    });
    await db.syncState.delete(refusalKey(entity, recordId));
    return true;
  });
}

/** The user gives up a refused record that exists on this laptop only (never for a signed one). */
export async function discardRefused(
  db: BordereauDb,
  entity: EntityName,
  recordId: string,
): Promise<void> {
  const table = db.table(tableNameOf(entity));
  await db.transaction('rw', [db.syncState, table], async () => {
    const row = (await table.get(recordId)) as Record<string, unknown> | undefined;
    if (row && row['status'] === 'sealed')
      throw new Error('Un bordereau signé ne se supprime pas.');
    if (row && isLocalOnly(row)) await table.delete(recordId);
    await db.syncState.delete(refusalKey(entity, recordId));
  });
}
