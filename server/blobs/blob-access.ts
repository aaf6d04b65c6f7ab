import { jsonPathOf } from '../../shared/sync/blob-references';
import { BLOB_REFERENCE_PATHS } from '../../shared/sync/entities';
import type { Queryable } from '../db/database';

/** Who reads a blob: the office reads every one; a technician, see `blobReadable`. */
export type BlobReader = { readonly id: string; readonly role: 'technician' | 'office' };

/**
 * One condition per declared reference path (shared/sync/entity-registry.ts): the record names the
 * hash `$1` in that field. Built from constants only, never from input.
 */
const REFERENCE_CONDITIONS = Object.entries(BLOB_REFERENCE_PATHS)
  .flatMap(([entity, paths]) =>
    paths.map(
      (path) =>
        `(r.entity = '${entity}' AND jsonb_path_exists(r.data, '${jsonPathOf(path)} ? (@ == $h)', jsonb_build_object('h', $1::text)))`,
    ),
  )
  .join(' OR ');

/**
 * Whether `reader` may read the blob `sha256`: the office always; a technician when they
 * uploaded it, or when a live record of a client assigned to them names it in a declared
 * reference field (a visit's or a report's photo). A hash written anywhere else (a free text
 * field) opens nothing.
 *
 * Both conditions are evaluated whether or not the blob exists, in one statement, so an
 * existing blob the reader may not see costs the same as an absent one: the answer's timing
 * does not tell that the server holds it.
 */
export async function blobReadable(
  db: Queryable,
  sha256: string,
  reader: BlobReader,
): Promise<boolean> {
  if (reader.role === 'office') return true;
  const result = await db.query<{ uploaded: boolean; referenced: boolean }>(
    `SELECT EXISTS (SELECT 1 FROM blob_uploads WHERE sha256 = $1 AND account_id = $2) AS uploaded,
            EXISTS (SELECT 1 FROM records r JOIN assignments a ON a.client_id = r.client_id
                     WHERE a.account_id = $2 AND NOT r.deleted AND (${REFERENCE_CONDITIONS})) AS referenced`,
    [sha256, reader.id],
  );
  const row = result.rows[0];
  return row !== undefined && (row.uploaded || row.referenced);
}
