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

/** The photos, each with its caption and time, on pages of their own after the report. */
export function writePhotoAnnex(cursor: PageCursor, report: Report): void {
  const { photos } = report.content;
  if (photos.length === 0) return;
  cursor.newPage();
  writeHeading(cursor, `Annexe – Photos (${photos.length})`, 0);
  photos.forEach((photo, i) => {
    const size = fitImage(cursor.doc, photo.imageDataUrl, CONTENT_WIDTH, MAX_PHOTO_HEIGHT);
    cursor.ensureSpace(size.height + 3 * lineHeight(SIZE.small) + 4);
    drawImageInBox(
      cursor.doc,
      photo.imageDataUrl,
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
