import { createHash } from 'node:crypto';
import { Transform } from 'node:stream';
import type { TransformCallback } from 'node:stream';

/** Thrown when a body goes past its byte limit while it is read. */
export class BodyTooLargeError extends Error {
  constructor(readonly maxBytes: number) {
    super(`body larger than ${maxBytes} bytes`);
  }
}

/**
 * A pass-through stream that hashes (SHA-256) and counts what flows through it, and fails
 * as soon as more than `maxBytes` went by: an upload is checked while it streams, never
 * buffered whole to be measured.
 */
export class HashingCounter extends Transform {
  private readonly hash = createHash('sha256');
  size = 0;

  constructor(private readonly maxBytes: number) {
    super();
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback): void {
    this.size += chunk.byteLength;
    if (this.size > this.maxBytes) {
      done(new BodyTooLargeError(this.maxBytes));
      return;
    }
    this.hash.update(chunk);
    done(null, chunk);
  }

  /** The lowercase hex SHA-256 of everything that went through (once the stream ended). */
  digest(): string {
    return this.hash.digest('hex');
  }
}
