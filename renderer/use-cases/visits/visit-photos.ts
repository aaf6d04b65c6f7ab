import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo } from 'react';
import { z } from 'zod';
import type { VisitRecord } from '../../../shared/visit/visit-record';
import { getDb } from '../../db/database';
import {
  attachmentBytes,
  listAttachments,
  saveAttachment,
} from '../../db/repositories/attachments';
import { addVisitPhoto, removeVisitPhoto } from '../../db/repositories/visits';
import type { UseCaseDeps } from '../deps';
import { bytesToDataUrl } from '../reports/data-url';

const addPhotoInputSchema = z.object({
  visitId: z.string().min(1, 'Intervention introuvable.'),
  clientId: z.string().min(1),
  caption: z.string().trim().min(1, 'Légende obligatoire.').max(300, '300 caractères au plus.'),
  bytes: z.instanceof(Uint8Array, { error: 'Photo illisible.' }),
});

/**
 * A photo of the visit, already resized to JPEG: its file is kept by its SHA-256 first, then
 * named by the visit. The file alone (if the second write fails) is harmless: content-
 * addressed, it is reused when the same photo is added again.
 */
export async function addPhoto(
  deps: UseCaseDeps,
  input: {
    readonly visitId: string;
    readonly clientId: string;
    readonly caption: string;
    readonly bytes: Uint8Array<ArrayBuffer>;
  },
): Promise<VisitRecord> {
  const valid = addPhotoInputSchema.parse(input);
  const now = deps.clock.now();
  const attachment = await saveAttachment(deps.db, {
    ownerId: valid.visitId,
    clientId: valid.clientId,
    kind: 'photo',
    mimeType: 'image/jpeg',
    fileName: `photo-${now}.jpg`,
    createdAt: now,
    bytes: input.bytes,
  });
  return addVisitPhoto(
    deps.db,
    valid.visitId,
    { attachmentId: attachment.id, caption: valid.caption, takenAt: now },
    now,
  );
}

/** Takes a photo off the visit (its file stays: a sealed report may name it). */
export async function removePhoto(
  deps: UseCaseDeps,
  input: { readonly visitId: string; readonly attachmentId: string },
): Promise<VisitRecord> {
  return removeVisitPhoto(deps.db, input.visitId, input.attachmentId, deps.clock.now());
}

/** The visit's photos as data URLs by attachment id, live (nothing to revoke; the CSP allows them). */
export function useVisitPhotoUrls(visitId: string): Readonly<Record<string, string>> {
  const db = getDb();
  const attachments = useLiveQuery(() => listAttachments(db, visitId, 'photo'), [db, visitId]);
  return useMemo(
    () =>
      Object.fromEntries(
        (attachments ?? []).map((a) => [a.id, bytesToDataUrl(attachmentBytes(a), a.mimeType)]),
      ),
    [attachments],
  );
}
