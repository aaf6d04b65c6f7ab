import type { jsPDF } from 'jspdf';
import { CONTENT_BOTTOM, CONTENT_TOP } from './page-layout';

/**
 * The vertical writing position in the document. Sections ask for the room they need
 * before drawing; when it is not left on the page, a new page starts below the header (the
 * headers and footers are drawn on every page once the page count is known).
 */
export class PageCursor {
  y = CONTENT_TOP;

  constructor(readonly doc: jsPDF) {}

  get remaining(): number {
    return CONTENT_BOTTOM - this.y;
  }

  /** Starts a new page unless `height` mm still fit on this one. */
  ensureSpace(height: number): void {
    if (height > this.remaining) this.newPage();
  }

  newPage(): void {
    this.doc.addPage();
    this.y = CONTENT_TOP;
  }

  moveDown(height: number): void {
    this.y += height;
  }
}
