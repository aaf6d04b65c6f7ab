import { useLiveQuery } from 'dexie-react-hooks';
import { contractCopyRecipients } from '../../../shared/report/copy-recipients';
import type { BordereauDb } from '../../db/database';
import { getDb } from '../../db/database';
import { listContacts } from '../../db/repositories/contacts';

/** A contract stored before the field existed has none (stored records are not re-parsed). */
interface ChosenContacts {
  readonly copyRecipientContactIds?: readonly string[];
}

/**
 * The addresses the contract names for the client's copies (its chosen contacts, e.g. the IT
 * correspondent), read from this laptop's copy of the client's contacts: what the on-site
 * "envoyer par e-mail" field is pre-filled with.
 */
export async function copyRecipientsOf(
  db: BordereauDb,
  clientId: string,
  contract: ChosenContacts | null | undefined,
): Promise<string[]> {
  if (!contract?.copyRecipientContactIds?.length) return [];
  return contractCopyRecipients(contract, await listContacts(db, clientId));
}

/** `copyRecipientsOf` for a screen, kept up to date (undefined while loading). */
export function useCopyRecipients(
  clientId: string | undefined,
  contract: ChosenContacts | null | undefined,
): string[] | undefined {
  const db = getDb();
  const ids = contract?.copyRecipientContactIds?.join(',') ?? '';
  return useLiveQuery(
    () => (clientId ? copyRecipientsOf(db, clientId, contract) : Promise.resolve([])),
    // the contract object changes identity on every read: depend on its chosen ids
    [db, clientId, ids],
  );
}
