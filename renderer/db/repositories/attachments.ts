import type { BordereauDb } from '../database';

/**
 * Binary files kept on the laptop: visit photos (JPEG), the signed PDFs. The id is the
 * SHA-256 of the bytes, so storing the same file twice is a no-op and the office can fetch
 * it by hash (PUT /api/v1/blobs/<sha256>).
 *
 * Not written through the outbox: a sealed report names its photos by this hash, and the sync
 * engine uploads every blob a mutation names before the mutation (signatures travel inline
 * as small PNG data URLs; the PDF re-renders byte for byte from the report and its photos).
 */
export const ATTACHMENT_KINDS = ['photo', 'pdf'] as const;
export type AttachmentKind = (typeof ATTACHMENT_KINDS)[number];

export interface Attachment {
  readonly id: string;
  /** The visit (photos) or the report (PDF) the file belongs to. */
  readonly ownerId: string;
  readonly clientId: string;
  readonly kind: AttachmentKind;
  readonly mimeType: string;
  readonly fileName: string;
  readonly size: number;
  readonly createdAt: number;
  /** The bytes (an ArrayBuffer clones into IndexedDB everywhere, tests included). */
  readonly data: ArrayBuffer;
}

function toHex(buffer: ArrayBuffer): string {
  return Array.from(new Uint8Array(buffer), (b) => b.toString(16).padStart(2, '0')).join('');
}

export async function sha256Hex(bytes: ArrayBuffer | Uint8Array<ArrayBuffer>): Promise<string> {
  return toHex(await crypto.subtle.digest('SHA-256', bytes));
}

export async function saveAttachment(
  db: BordereauDb,
  input: Omit<Attachment, 'id' | 'size' | 'data'> & { readonly bytes: Uint8Array<ArrayBuffer> },
): Promise<Attachment> {
  const { bytes, ...meta } = input;
  const id = await sha256Hex(bytes);
  const data = bytes.slice().buffer;
  const attachment: Attachment = { ...meta, id, size: bytes.byteLength, data };
  return db.transaction('rw', db.attachments, async () => {
    const existing = (await db.attachments.get(id)) as unknown as Attachment | undefined;
    if (existing && existing.ownerId === attachment.ownerId) return existing;
    await db.attachments.put({ ...attachment });
    return attachment;
  });
}

export async function getAttachment(db: BordereauDb, id: string): Promise<Attachment | undefined> {
  return (await db.attachments.get(id)) as unknown as Attachment | undefined;
}

export async function listAttachments(
  db: BordereauDb,
  ownerId: string,
  kind?: AttachmentKind,
): Promise<Attachment[]> {
  const rows = (await db.attachments
    .where('ownerId')
    .equals(ownerId)
    .toArray()) as unknown as Attachment[];
  return rows
    .filter((a) => kind === undefined || a.kind === kind)
    .sort((a, b) => a.createdAt - b.createdAt);
}

export function attachmentBytes(attachment: Attachment): Uint8Array<ArrayBuffer> {
  return new Uint8Array(attachment.data);
}

export function attachmentBlob(attachment: Attachment): Blob {
  return new Blob([attachment.data], { type: attachment.mimeType });
}
