import { clientFieldsSchema, clientSchema } from '../../../shared/inventory/client';
import type { Client, ClientFields } from '../../../shared/inventory/client';
import { putRecord, updateRecord } from '../changes';
import type { WriteOptions } from '../changes';
import type { BordereauDb } from '../database';
import { newRecordMeta } from './new-record';

export async function createClient(
  db: BordereauDb,
  fields: ClientFields,
  options: WriteOptions = {},
): Promise<Client> {
  const now = options.now ?? Date.now();
  const client = clientSchema.parse({ ...clientFieldsSchema.parse(fields), ...newRecordMeta(now) });
  return putRecord(db, 'clients', client, { ...options, now });
}

export async function updateClient(
  db: BordereauDb,
  id: string,
  fields: Partial<ClientFields>,
  options: WriteOptions = {},
): Promise<Client> {
  return updateRecord<Client>(db, 'clients', id, fields as Partial<Client>, {
    ...options,
    validate: (merged) => clientSchema.parse(merged),
  });
}

/** Every client, by name (French collation: "Éts" sorts with "E"). */
export async function listClients(db: BordereauDb): Promise<Client[]> {
  const clients = await db.clients.toArray();
  const collator = new Intl.Collator('fr', { sensitivity: 'base', numeric: true });
  return clients.sort((a, b) => collator.compare(a.name, b.name));
}
