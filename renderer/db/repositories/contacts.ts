import { contactFieldsSchema, contactSchema } from '../../../shared/inventory/contact';
import type { Contact, ContactFields } from '../../../shared/inventory/contact';
import { deleteRecord, putRecord, updateRecord } from '../changes';
import type { WriteOptions } from '../changes';
import type { BordereauDb } from '../database';
import { newRecordMeta } from './new-record';

export async function createContact(
  db: BordereauDb,
  fields: ContactFields,
  options: WriteOptions = {},
): Promise<Contact> {
  const now = options.now ?? Date.now();
  const contact = contactSchema.parse({
    ...contactFieldsSchema.parse(fields),
    ...newRecordMeta(now),
  });
  return putRecord(db, 'contacts', contact, { ...options, now });
}

export async function updateContact(
  db: BordereauDb,
  id: string,
  fields: Partial<ContactFields>,
  options: WriteOptions = {},
): Promise<Contact> {
  return updateRecord<Contact>(db, 'contacts', id, fields as Partial<Contact>, {
    ...options,
    validate: (merged) => contactSchema.parse(merged),
  });
}

export async function deleteContact(
  db: BordereauDb,
  id: string,
  options: WriteOptions = {},
): Promise<void> {
  await deleteRecord(db, 'contacts', id, options);
}

export async function listContacts(db: BordereauDb, clientId: string): Promise<Contact[]> {
  const contacts = await db.contacts.where('clientId').equals(clientId).toArray();
  return contacts.sort((a, b) => a.name.localeCompare(b.name, 'fr'));
}
