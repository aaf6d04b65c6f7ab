import { formatDateTime } from '../../format/date';
import type { Report } from '../model';
import type { PageCursor } from './cursor';
import { drawImageInBox, fitImage } from './image';
import {
  COLOUR,
  CONTENT_BOTTOM,
  CONTENT_TOP,
  CONTENT_WIDTH,
  MARGIN_X,
  SIZE,
  lineHeight,
} from './page-layout';
import { writeHeading, writeParagraph } from './text';

/** Two photos fit on a page with their captions. */
const MAX_PHOTO_HEIGHT = (CONTENT_BOTTOM - CONTENT_TOP - 50) / 2;

/** The photos of a report whose image is not in `images`, in report order (1-based). */
export function missingPhotos(
  report: Report,
  images: ReadonlyMap<string, string> | undefined,
): { index: number; caption: string; sha256: string }[] {
  return report.content.photos
    .map((photo, i) => ({ index: i + 1, caption: photo.caption, sha256: photo.sha256 }))
    .filter((p) => !images?.has(p.sha256));
}

/** A report cannot be printed without every photo it seals. */
export class MissingPhotosError extends Error {
  override readonly name = 'MissingPhotosError';
  constructor(readonly missing: readonly { index: number; caption: string; sha256: string }[]) {
    super(
      `Photo${missing.length > 1 ? 's' : ''} absente${missing.length > 1 ? 's' : ''} de ce poste : ${missing
        .map((m) => `n° ${m.index} (${m.caption})`)
        .join(', ')}. Synchronisez puis réessayez.`,
    );
  }
}

/** The photos, each with its caption and time, on pages of their own after the report. */
export function writePhotoAnnex(
  cursor: PageCursor,
  report: Report,
  images: ReadonlyMap<string, string>,
): void {
  const { photos } = report.content;
  if (photos.length === 0) return;
  cursor.newPage();
  writeHeading(cursor, `Annexe – Photos (${photos.length})`, 0);
  photos.forEach((photo, i) => {
    const image = images.get(photo.sha256);
    if (image === undefined) throw new MissingPhotosError(missingPhotos(report, images));
    const size = fitImage(cursor.doc, image, CONTENT_WIDTH, MAX_PHOTO_HEIGHT);
    cursor.ensureSpace(size.height + 3 * lineHeight(SIZE.small) + 4);
    drawImageInBox(
      cursor.doc,
      image,
      { x: MARGIN_X, y: cursor.y, width: CONTENT_WIDTH, height: MAX_PHOTO_HEIGHT },
      { align: 'left' },
    );
    cursor.moveDown(size.height + 1.5);
    writeParagraph(cursor, `Photo ${i + 1} – ${photo.caption}`, { size: SIZE.small, bold: true });
    writeParagraph(cursor, `Prise le ${formatDateTime(photo.takenAt)}`, {
      size: SIZE.small,
      colour: COLOUR.muted,
    });
    cursor.moveDown(4);
  });
}
