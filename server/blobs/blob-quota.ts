import type { Queryable } from '../db/database';
import { ApiHttpError } from '../http/api-error';

/** Bytes of the blobs an account uploaded (each blob once, whoever sent it first). */
export async function uploadedBytes(db: Queryable, accountId: string): Promise<number> {
  const result = await db.query<{ total: string | number }>(
    `SELECT coalesce(sum(b.size), 0)::bigint AS total
       FROM blob_uploads u JOIN blobs b ON b.sha256 = u.sha256 WHERE u.account_id = $1`,
    [accountId],
  );
  return Number(result.rows[0]?.total ?? 0);
}

/**
 * Refuses an upload that would take an account past its quota (BORDEREAU_BLOB_QUOTA_MB):
 * 413 `quota_exceeded`, nothing stored. One technician cannot fill the office's disk.
 */
export async function checkBlobQuota(
  db: Queryable,
  accountId: string,
  incomingBytes: number,
  quotaBytes: number,
): Promise<void> {
  const used = await uploadedBytes(db, accountId);
  if (used + incomingBytes <= quotaBytes) return;
  throw new ApiHttpError(413, {
    error: 'quota_exceeded',
    message: `Quota de pièces jointes atteint pour ce compte (${Math.round(quotaBytes / 1024 / 1024)} Mio) : demandez au bureau d’en libérer ou de l’augmenter.`,
  });
}
