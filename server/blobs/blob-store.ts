import { createHash } from 'node:crypto';
import type { Queryable } from '../db/database';

export function sha256Hex(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** Stores bytes under their SHA-256; storing the same bytes again changes nothing. */
export async function putBlob(
  db: Queryable,
  sha256: string,
  bytes: Uint8Array,
  accountId: string,
  now: number,
): Promise<boolean> {
  const result = await db.query(
    `INSERT INTO blobs (sha256, size, content, created_by, created_at) VALUES ($1, $2, $3, $4, $5)
     ON CONFLICT (sha256) DO NOTHING`,
    [sha256, bytes.byteLength, bytes, accountId, now],
  );
  return result.rowCount === 1;
}

/** Who reads a blob: the office reads every one; a technician, see `readableBy`. */
export type BlobReader = { readonly id: string; readonly role: 'technician' | 'office' };

/**
 * A technician reads a blob they uploaded, or one a live record of a client assigned to them
 * refers to (a report naming a photo by its hash): a departed or reassigned technician who
 * kept hashes cannot read other clients' photos and signatures. The hash is searched in
 * the records' JSON of the assigned clients only (index on client_id); blob reads are rare
 * (printing a report whose photos this laptop lacks).
 */
function readableBy(reader: BlobReader): { sql: string; params: unknown[] } {
  if (reader.role === 'office') return { sql: 'TRUE', params: [] };
  return {
    sql: `(b.created_by = $2 OR EXISTS (
            SELECT 1 FROM records r JOIN assignments a ON a.client_id = r.client_id
            WHERE a.account_id = $2 AND NOT r.deleted AND strpos(r.data::text, b.sha256) > 0))`,
    params: [reader.id],
  };
}

export async function getBlob(
  db: Queryable,
  sha256: string,
  reader: BlobReader,
): Promise<Uint8Array | null> {
  const allowed = readableBy(reader);
  const result = await db.query<{ content: Uint8Array }>(
    `SELECT b.content FROM blobs b WHERE b.sha256 = $1 AND ${allowed.sql}`,
    [sha256, ...allowed.params],
  );
  return result.rows[0]?.content ?? null;
}

export async function blobSize(
  db: Queryable,
  sha256: string,
  reader: BlobReader,
): Promise<number | null> {
  const allowed = readableBy(reader);
  const result = await db.query<{ size: number }>(
    `SELECT b.size FROM blobs b WHERE b.sha256 = $1 AND ${allowed.sql}`,
    [sha256, ...allowed.params],
  );
  return result.rows[0]?.size ?? null;
}
