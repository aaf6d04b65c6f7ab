import { randomUUID } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, rename, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import type { BlobStore } from './blob-store';
import { blobRowSize, insertBlobRow } from './blob-store';
import { HashingCounter } from './receive-bytes';

/**
 * Blob bytes as files named by their hash under `dir` (the embedded mode: one office
 * machine). An upload streams to a temporary file in the same directory tree, hashed on the
 * way; only once its hash matches is it renamed into place (atomic: a reader never sees half
 * a file) and its row inserted. PGlite's single connection only ever carries the small row.
 * A blob stored in the database by an earlier version (content not null) is still served.
 */
export function fileBlobStore(dir: string): BlobStore {
  const tmpDir = join(dir, 'tmp');
  const pathOf = (sha256: string) => join(dir, sha256.slice(0, 2), sha256);
  let ready: Promise<unknown> | null = null;

  return {
    kind: 'files',

    async put(db, input) {
      ready ??= mkdir(tmpDir, { recursive: true });
      await ready;
      const tmp = join(tmpDir, `${randomUUID()}.part`);
      try {
        const counter = new HashingCounter(input.maxBytes);
        await pipeline(input.source, counter, createWriteStream(tmp, { flags: 'wx' }));
        if (counter.digest() !== input.sha256) return { kind: 'mismatch' };
        await input.beforeStore(counter.size);
        const target = pathOf(input.sha256);
        await mkdir(join(dir, input.sha256.slice(0, 2)), { recursive: true });
        // Same name, same bytes: replacing a file already there changes nothing.
        await rename(tmp, target);
        await insertBlobRow(db, {
          sha256: input.sha256,
          size: counter.size,
          content: null,
          accountId: input.accountId,
          now: input.now,
        });
        return { kind: 'stored', size: counter.size };
      } finally {
        await rm(tmp, { force: true });
      }
    },

    async get(db, sha256) {
      const result = await db.query<{ content: Uint8Array | null }>(
        'SELECT content FROM blobs WHERE sha256 = $1',
        [sha256],
      );
      const row = result.rows[0];
      if (!row) return null;
      if (row.content) return Buffer.from(row.content);
      const path = pathOf(sha256);
      try {
        await stat(path);
      } catch {
        return null;
      }
      return createReadStream(path);
    },

    size: blobRowSize,
  };
}
