import type { Role } from '../../shared/sync/protocol';
import type { BordereauDb, OutboxEntry } from '../db/database';
import { readOutbox } from '../db/outbox';
import { SYNC_STATE_KEYS } from '../db/sync-state-keys';
import { OFFICE_TYPED_ENTITIES } from './office-typed';

/**
 * Before the first sync of a laptop that holds work made offline, the user sees what will
 * happen and confirms (the scheduler waits until then): what is sent, what the office must
 * validate, what stays on this laptop because only the office may write it.
 */
export const FIRST_SYNC_CONFIRMED_KEY = 'firstSyncConfirmed';

export const FIRST_SYNC_PENDING_MESSAGE =
  'Première synchronisation : vérifiez sous Synchronisation ce qui va être envoyé, puis confirmez.';

export interface FirstSyncPreview {
  /** Records sent, per entity. */
  readonly sent: Readonly<Record<string, number>>;
  /** French lines saying what will happen, in order. */
  readonly lines: readonly string[];
}

/** What a first sync of these outbox entries will do, for an account of this role. */
export function previewFirstSync(entries: readonly OutboxEntry[], role: Role): FirstSyncPreview {
  const records = new Map<string, OutboxEntry>();
  for (const e of entries) records.set(`${e.entity}:${e.recordId}`, e);
  const sent: Record<string, number> = {};
  let clients = 0;
  let sealed = 0;
  let officeOnly = 0;
  for (const e of records.values()) {
    sent[e.entity] = (sent[e.entity] ?? 0) + 1;
    if (e.entity === 'clients' && e.baseRevision === null) clients++;
    if (e.entity === 'reports' && e.changes['status'] === 'sealed') sealed++;
    if (OFFICE_TYPED_ENTITIES.has(e.entity)) officeOnly++;
  }
  const lines = [
    `${records.size} enregistrement(s) préparé(s) sur cet ordinateur seront envoyés au serveur du bureau.`,
  ];
  if (sealed > 0)
    lines.push(`${sealed} bordereau(x) signé(s) seront remis au bureau, quoi qu’il arrive.`);
  if (role === 'technician') {
    if (clients > 0)
      lines.push(
        `${clients} client(s) créé(s) ici seront ajoutés « créés sur le terrain, à valider » : ils vous restent attribués, le bureau les valide ou les fusionne avec un client existant.`,
      );
    if (officeOnly > 0)
      lines.push(
        `${officeOnly} contrat(s) ou article(s) de catalogue sont réservés au bureau : ils seront refusés et resteront sur cet ordinateur, marqués ; les visites seront facturées aux tarifs par défaut de l’entreprise jusqu’à ce que le bureau saisisse le contrat.`,
      );
    lines.push(
      'Vous recevrez ensuite les clients que le bureau vous a attribués. Rien de ce qui est sur cet ordinateur n’est effacé : ce que le serveur refuse reste ici, avec le motif.',
    );
  } else {
    lines.push(
      'Vous recevrez ensuite toutes les données du bureau. Rien de ce qui est sur cet ordinateur n’est effacé : ce que le serveur refuse reste ici, avec le motif.',
    );
  }
  return { sent, lines };
}

/** True when this laptop has never synced, holds unsent work and the user has not confirmed yet. */
export async function needsFirstSyncConfirmation(db: BordereauDb): Promise<boolean> {
  const [synced, confirmed] = await db.syncState.bulkGet([
    SYNC_STATE_KEYS.lastSuccessAt,
    FIRST_SYNC_CONFIRMED_KEY,
  ]);
  if (synced !== undefined || confirmed?.value === true) return false;
  return (await db.outbox.count()) > 0;
}

export async function readFirstSyncPreview(db: BordereauDb, role: Role): Promise<FirstSyncPreview> {
  return previewFirstSync(await readOutbox(db), role);
}

export async function confirmFirstSync(db: BordereauDb): Promise<void> {
  await db.syncState.put({ key: FIRST_SYNC_CONFIRMED_KEY, value: true });
}
