import { z } from 'zod';
import { SYNC_LIMITS, sha256HexSchema } from './protocol';
import { storableText } from './storable-text';

/**
 * An `attachments` record: what is known of a file (photo, signed PDF) whose bytes travel as
 * a blob named by `sha256` (PUT /api/v1/blobs/<sha256>). The laptop keeps its attachments
 * locally and uploads only the blobs today; a record of this entity is checked against this
 * schema all the same, like any other.
 */
export const ATTACHMENT_KINDS = ['photo', 'pdf'] as const;
export const ATTACHMENT_MEDIA_TYPES = ['image/jpeg', 'image/png', 'application/pdf'] as const;

export const attachmentRecordSchema = z.object({
  clientId: z.uuid(),
  /** The visit (photos) or the report (PDF) the file belongs to. */
  ownerId: z.uuid(),
  kind: z.enum(ATTACHMENT_KINDS),
  sha256: sha256HexSchema,
  mimeType: z.enum(ATTACHMENT_MEDIA_TYPES),
  fileName: storableText(z.string().trim().min(1).max(255)),
  size: z.number().int().nonnegative().max(SYNC_LIMITS.maxBlobBytes),
  createdAt: z.number().int().nonnegative(),
});
export type AttachmentRecord = z.infer<typeof attachmentRecordSchema>;
