import { Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { BlobStore } from './blob-store';
import { blobRowSize, insertBlobRow } from './blob-store';
import { HashingCounter } from './receive-bytes';

/**
 * Blob bytes in the `blobs` table (PostgreSQL): every server instance reaches them and a
 * database backup holds everything, so instances stay stateless.
 */
export const databaseBlobStore: BlobStore = {
  kind: 'database',

  async put(db, input) {
    const counter = new HashingCounter(input.maxBytes);
    const chunks: Buffer[] = [];
    await pipeline(
      input.source,
      counter,
      new Writable({
        write(chunk: Buffer, _encoding, done) {
          chunks.push(chunk);
          done();
        },
      }),
    );
    if (counter.digest() !== input.sha256) return { kind: 'mismatch' };
    await input.beforeStore(counter.size);
    await insertBlobRow(db, {
      sha256: input.sha256,
      size: counter.size,
      content: Buffer.concat(chunks),
      accountId: input.accountId,
      now: input.now,
    });
    return { kind: 'stored', size: counter.size };
  },

  async get(db, sha256) {
    const result = await db.query<{ content: Uint8Array | null }>(
      'SELECT content FROM blobs WHERE sha256 = $1',
      [sha256],
    );
    const content = result.rows[0]?.content;
    return content ? Buffer.from(content.buffer, content.byteOffset, content.byteLength) : null;
  },

  size: blobRowSize,
};
