import type { FieldClient } from '../../shared/admin/admin-protocol';
import { fieldOriginOf } from '../../shared/inventory/field-client';
import type { Queryable } from '../db/database';
import { ApiHttpError } from '../http/api-error';

type ClientRow = { id: string; data: Record<string, unknown> };

const text = (value: unknown): string => (typeof value === 'string' ? value : '');

/** Letters and digits only, lower case, no accents: "Allance S.A.S." = "ALLANCE SAS". */
function nameKey(name: string): string {
  return name
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '');
}

/**
 * The office's validation queue: clients technicians created on site, not validated yet, with
 * who created them, who has them, how many records they hold and the existing clients that look
 * the same (same SIRET or same name), candidates for a merge.
 */
export async function listFieldClients(db: Queryable): Promise<FieldClient[]> {
  const all = await db.query<ClientRow>(
    `SELECT id, data FROM records WHERE entity = 'clients' AND NOT deleted ORDER BY id`,
  );
  const pending = all.rows.filter((r) => fieldOriginOf(r.data)?.validatedAt === null);
  if (pending.length === 0) return [];
  const ids = pending.map((r) => r.id);
  const counts = await db.query<{ client_id: string; n: string }>(
    `SELECT client_id, count(*) AS n FROM records
      WHERE client_id = ANY($1::uuid[]) AND entity <> 'clients' AND NOT deleted GROUP BY client_id`,
    [ids],
  );
  const assigned = await db.query<{ client_id: string; account_id: string }>(
    'SELECT client_id, account_id FROM assignments WHERE client_id = ANY($1::uuid[]) ORDER BY account_id',
    [ids],
  );
  return pending.map((row) => {
    const origin = fieldOriginOf(row.data)!;
    const siret = text(row.data['siret']);
    const key = nameKey(text(row.data['name']));
    const duplicates = all.rows
      .filter(
        (other) =>
          other.id !== row.id &&
          ((siret !== '' && text(other.data['siret']) === siret) ||
            (key !== '' && nameKey(text(other.data['name'])) === key)),
      )
      .map((other) => ({
        clientId: other.id,
        name: text(other.data['name']),
        siret: text(other.data['siret']),
      }));
    return {
      clientId: row.id,
      name: text(row.data['name']),
      siret,
      city: text(row.data['city']),
      createdBy: { accountId: origin.accountId, accountName: origin.accountName },
      createdAt: origin.createdAt,
      assignedTo: assigned.rows.filter((a) => a.client_id === row.id).map((a) => a.account_id),
      records: Number(counts.rows.find((c) => c.client_id === row.id)?.n ?? 0),
      duplicates,
    };
  });
}

/**
 * The office validates a client created on site: it becomes an ordinary client (the office's to
 * edit; the technician keeps it). A new revision of the client record, sent to every laptop.
 */
export async function validateFieldClient(
  tx: Queryable,
  clientId: string,
  now: number,
): Promise<void> {
  const found = await tx.query<{
    data: Record<string, unknown>;
    revision: number;
    field_revisions: Record<string, number>;
  }>(
    `SELECT data, revision, field_revisions FROM records
      WHERE entity = 'clients' AND id = $1 AND NOT deleted FOR UPDATE`,
    [clientId],
  );
  const row = found.rows[0];
  const origin = row ? fieldOriginOf(row.data) : null;
  if (!row || !origin) {
    throw new ApiHttpError(404, {
      error: 'not_found',
      message: 'Client créé sur le terrain introuvable.',
    });
  }
  if (origin.validatedAt !== null) return;
  const revision = row.revision + 1;
  await tx.query(
    `UPDATE records SET data = $2, field_revisions = $3, revision = $4, updated_at = $5,
            txid = pg_current_xact_id(), seq = nextval('change_seq')
      WHERE entity = 'clients' AND id = $1`,
    [
      clientId,
      JSON.stringify({ ...row.data, fieldOrigin: { ...origin, validatedAt: now } }),
      JSON.stringify({ ...row.field_revisions, fieldOrigin: revision }),
      revision,
      now,
    ],
  );
}
