import { useLiveQuery } from 'dexie-react-hooks';
import { CONTACT_ROLE_LABELS } from '../../../shared/inventory/contact';
import { getDb } from '../../db/database';
import type { BordereauDb } from '../../db/database';
import { listContacts } from '../../db/repositories/contacts';

/** One of the client's contacts, as the contract screen offers it for the client's copies. */
export interface CopyRecipientChoice {
  readonly id: string;
  readonly name: string;
  /** "Correspondant informatique", with the job title when there is one. */
  readonly role: string;
  readonly email: string;
  /** Why the contact cannot be chosen (no e-mail address); null: it can. */
  readonly unavailable: string | null;
}

/**
 * The client's contacts who may receive the client's copies by e-mail (004 art. VI, 002 art.
 * III-1 §6), by name: a contact without an address is listed too, with the reason it cannot
 * be chosen, so the office knows whom to complete.
 */
export async function loadCopyRecipientChoices(
  db: BordereauDb,
  clientId: string,
): Promise<CopyRecipientChoice[]> {
  const contacts = await listContacts(db, clientId);
  return contacts.map((c) => ({
    id: c.id,
    name: c.name,
    role: [CONTACT_ROLE_LABELS[c.role], c.jobTitle.trim()].filter((t) => t !== '').join(', '),
    email: c.email.trim(),
    unavailable: c.email.trim() === '' ? 'pas d’adresse e-mail dans sa fiche' : null,
  }));
}

/** `loadCopyRecipientChoices`, live: undefined while loading. */
export function useCopyRecipientChoices(clientId: string): CopyRecipientChoice[] | undefined {
  const db = getDb();
  return useLiveQuery(() => loadCopyRecipientChoices(db, clientId), [db, clientId]);
}
