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

export async function getBlob(db: Queryable, sha256: string): Promise<Uint8Array | null> {
  const result = await db.query<{ content: Uint8Array }>(
    'SELECT content FROM blobs WHERE sha256 = $1',
    [sha256],
  );
  return result.rows[0]?.content ?? null;
}

export async function blobSize(db: Queryable, sha256: string): Promise<number | null> {
  const result = await db.query<{ size: number }>('SELECT size FROM blobs WHERE sha256 = $1', [
    sha256,
  ]);
  return result.rows[0]?.size ?? null;
}
