import type { MergeClientsRequest, MergeClientsResponse } from '../../shared/admin/admin-protocol';
import type { Queryable } from '../db/database';
import { ApiHttpError } from '../http/api-error';
import { resendClient } from '../sync/scope';

/**
 * Merges a client into another (typically a client created on site into the existing one with
 * the same SIRET or name), in the caller's transaction: every record of the source — sites,
 * contacts, equipment, visits, reports, attachments, conflicts — is re-filed under the target,
 * the technicians of the source are given the target, the source becomes a tombstone, and the
 * merge is remembered (client_merges). Nothing is copied or dropped: the rows move.
 *
 * Each moved record gets a new revision (its `clientId` field changed) and goes to the head of
 * the change stream, so every laptop receives it under its new client. A sealed report keeps its
 * revision and its sealed content: only its client changes, which the database guard allows
 * during a merge alone (migration 4, `bordereau.client_merge`).
 */
export async function mergeClients(
  tx: Queryable,
  request: MergeClientsRequest,
  officeAccountId: string,
  now: number,
): Promise<MergeClientsResponse> {
  const { sourceClientId: source, targetClientId: target } = request;
  // As for an assignment (scope.ts): wait for the pushes in flight, hold back new ones.
  await tx.query('LOCK TABLE records IN EXCLUSIVE MODE');
  const clients = await tx.query<{ id: string; deleted: boolean }>(
    `SELECT id, deleted FROM records WHERE entity = 'clients' AND id = ANY($1::uuid[])`,
    [[source, target]],
  );
  for (const id of [source, target]) {
    const row = clients.rows.find((r) => r.id === id);
    if (!row || row.deleted) {
      throw new ApiHttpError(404, {
        error: 'not_found',
        message:
          id === source
            ? 'Client à fusionner introuvable (déjà fusionné ou supprimé ?).'
            : 'Client de destination introuvable.',
      });
    }
  }
  await tx.query(`SELECT set_config('bordereau.client_merge', 'on', true)`);
  const moved = await tx.query(
    `UPDATE records
        SET client_id = $2::uuid,
            data = jsonb_set(data, '{clientId}', to_jsonb($2::uuid::text)),
            field_revisions = field_revisions || jsonb_build_object('clientId', revision + 1),
            revision = revision + 1, updated_at = $3,
            txid = pg_current_xact_id(), seq = nextval('change_seq')
      WHERE client_id = $1 AND entity <> 'clients' AND NOT sealed`,
    [source, target, now],
  );
  const sealed = await tx.query(
    `UPDATE records
        SET client_id = $2::uuid, data = jsonb_set(data, '{clientId}', to_jsonb($2::uuid::text)),
            txid = pg_current_xact_id(), seq = nextval('change_seq')
      WHERE client_id = $1 AND sealed`,
    [source, target],
  );
  await tx.query(`SELECT set_config('bordereau.client_merge', 'off', true)`);
  await tx.query(
    `UPDATE records
        SET deleted = true, data = data || jsonb_build_object('mergedInto', $2::text),
            revision = revision + 1, updated_at = $3,
            txid = pg_current_xact_id(), seq = nextval('change_seq')
      WHERE entity = 'clients' AND id = $1`,
    [source, target, now],
  );
  const reassigned = await tx.query(
    `INSERT INTO assignments (account_id, client_id, created_at)
     SELECT account_id, $2, $3 FROM assignments WHERE client_id = $1
     ON CONFLICT DO NOTHING`,
    [source, target, now],
  );
  await tx.query('DELETE FROM assignments WHERE client_id = $1', [source]);
  // Technicians newly given the target may be past its records in the stream: send them again.
  if (reassigned.rowCount > 0) await resendClient(tx, target);
  await tx.query('UPDATE client_merges SET target_id = $2 WHERE target_id = $1', [source, target]);
  await tx.query(
    'INSERT INTO client_merges (source_id, target_id, merged_by, merged_at) VALUES ($1, $2, $3, $4)',
    [source, target, officeAccountId, now],
  );
  return { moved: moved.rowCount, sealedMoved: sealed.rowCount, reassigned: reassigned.rowCount };
}
