import { contractCopyRecipients } from '../../shared/report/copy-recipients';
import type { Queryable } from '../db/database';

/**
 * The addresses the client's contract names for its copies (the contacts chosen in
 * `copyRecipientContactIds`), read from the synced records: the contract of `clientId` whose
 * reference the bordereau printed, or every live contract of the client when the reference is
 * unknown (an activity report covers the client, not one bordereau).
 */
export async function contractRecipientsOf(
  db: Queryable,
  clientId: string | null,
  contractReference: string | null,
): Promise<string[]> {
  if (!clientId) return [];
  const { rows: contracts } = await db.query<{ ids: string[] | null }>(
    `SELECT data->'copyRecipientContactIds' AS ids FROM records
      WHERE entity = 'contracts' AND NOT deleted AND data->>'clientId' = $1
        AND ($2::text IS NULL OR data->>'reference' = $2)
      ORDER BY id`,
    [clientId, contractReference],
  );
  const ids = [...new Set(contracts.flatMap((c) => c.ids ?? []))];
  if (ids.length === 0) return [];
  const { rows: contacts } = await db.query<{ id: string; email: string | null }>(
    `SELECT id::text AS id, data->>'email' AS email FROM records
      WHERE entity = 'contacts' AND NOT deleted AND id::text = ANY($1::text[])
      ORDER BY id`,
    [ids],
  );
  return contractCopyRecipients(
    { copyRecipientContactIds: ids },
    contacts.map((c) => ({ id: c.id, email: c.email ?? '' })),
  );
}
