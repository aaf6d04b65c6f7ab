import type { Readable } from 'node:stream';
import type { Database, Queryable } from '../db/database';

/** What became of an upload once its bytes were read. */
export type PutOutcome =
  | { kind: 'stored'; size: number }
  /** The bytes received do not hash to the name they were sent under: nothing stored. */
  | { kind: 'mismatch' };

export type PutInput = {
  sha256: string;
  /** The request body, read as it arrives. */
  source: Readable;
  /** Read at most this many bytes (BodyTooLargeError past it). */
  maxBytes: number;
  accountId: string;
  now: number;
  /** Runs once the bytes are received and verified, before they are kept (the quota); may throw. */
  beforeStore: (size: number) => Promise<void>;
};

/**
 * Where blob bytes live. The metadata (`blobs` row: hash, size, uploader) is always in the
 * database, for access checks and quotas; the bytes are in the database with PostgreSQL (every
 * instance reaches them, instances stay stateless) or in files by hash in the embedded mode
 * (the single embedded connection is not tied up by 25 MiB writes).
 */
export interface BlobStore {
  readonly kind: 'database' | 'files';
  put(db: Database, input: PutInput): Promise<PutOutcome>;
  /** The bytes of a stored blob (a stream for a file), or null when the server lacks them. */
  get(db: Queryable, sha256: string): Promise<Buffer | Readable | null>;
  /** The size of a stored blob, or null. */
  size(db: Queryable, sha256: string): Promise<number | null>;
}

/**
 * Inserts the metadata row (and the bytes, when given; nothing when the blob is already
 * known) and records the account as one of its uploaders, in one transaction.
 */
export async function insertBlobRow(
  db: Database,
  row: { sha256: string; size: number; content: Buffer | null; accountId: string; now: number },
): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.query(
      `INSERT INTO blobs (sha256, size, content, created_by, created_at) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (sha256) DO NOTHING`,
      [row.sha256, row.size, row.content, row.accountId, row.now],
    );
    await tx.query(
      `INSERT INTO blob_uploads (sha256, account_id, created_at) VALUES ($1, $2, $3)
       ON CONFLICT DO NOTHING`,
      [row.sha256, row.accountId, row.now],
    );
  });
}

export async function blobRowSize(db: Queryable, sha256: string): Promise<number | null> {
  const result = await db.query<{ size: number }>('SELECT size FROM blobs WHERE sha256 = $1', [
    sha256,
  ]);
  const size = result.rows[0]?.size;
  return size === undefined ? null : Number(size);
}
