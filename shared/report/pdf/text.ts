import type { jsPDF } from 'jspdf';
import type { PageCursor } from './cursor';
import { COLOUR, CONTENT_WIDTH, FONT, lineHeight, MARGIN_X, SIZE } from './page-layout';
import type { Rgb } from './page-layout';
import { toPdfText } from './pdf-text';

export interface TextStyle {
  readonly size?: number;
  readonly bold?: boolean;
  readonly italic?: boolean;
  readonly colour?: Rgb;
}

export function applyStyle(doc: jsPDF, style: TextStyle = {}): void {
  const fontStyle = style.bold
    ? style.italic
      ? 'bolditalic'
      : 'bold'
    : style.italic
      ? 'italic'
      : 'normal';
  doc.setFont(FONT, fontStyle);
  doc.setFontSize(style.size ?? SIZE.body);
  const [r, g, b] = style.colour ?? COLOUR.text;
  doc.setTextColor(r, g, b);
}

/** `text` wrapped to `width` mm in `style` (paragraph breaks kept). */
export function wrap(doc: jsPDF, text: string, width: number, style: TextStyle = {}): string[] {
  applyStyle(doc, style);
  // jsPDF types splitTextToSize as any; it returns the wrapped lines.
  return doc.splitTextToSize(toPdfText(text), width) as string[];
}

/** Draws one line at (x, y) baseline-aligned; the caller has placed it. */
export function drawLine(
  doc: jsPDF,
  text: string,
  x: number,
  y: number,
  style: TextStyle = {},
  align: 'left' | 'right' | 'center' = 'left',
): void {
  applyStyle(doc, style);
  doc.text(toPdfText(text), x, y, { align, baseline: 'top' });
}

/**
 * A paragraph at the cursor, wrapped and broken across pages line by line, so a long
 * description never runs into the footer.
 */
export function writeParagraph(
  cursor: PageCursor,
  text: string,
  style: TextStyle = {},
  options: { readonly x?: number; readonly width?: number } = {},
): void {
  const x = options.x ?? MARGIN_X;
  const width = options.width ?? CONTENT_WIDTH;
  const height = lineHeight(style.size ?? SIZE.body);
  for (const line of wrap(cursor.doc, text, width, style)) {
    cursor.ensureSpace(height);
    applyStyle(cursor.doc, style);
    cursor.doc.text(line, x, cursor.y, { baseline: 'top' });
    cursor.moveDown(height);
  }
}

/** The height a section title takes on the page: space above, the title, its rule. */
export const HEADING_HEIGHT = 2 + lineHeight(SIZE.heading) + 1.2;

/**
 * A section title with a rule under it. `keepWith` is the height of what must follow on the
 * same page (a title alone at the bottom of a page is moved to the next).
 */
export function writeHeading(cursor: PageCursor, title: string, keepWith = 12): void {
  const height = lineHeight(SIZE.heading) + 1.2;
  cursor.moveDown(2);
  cursor.ensureSpace(height + keepWith);
  drawLine(cursor.doc, title.toUpperCase(), MARGIN_X, cursor.y, {
    size: SIZE.heading,
    bold: true,
    colour: COLOUR.accent,
  });
  cursor.moveDown(lineHeight(SIZE.heading));
  const [r, g, b] = COLOUR.accent;
  cursor.doc.setDrawColor(r, g, b);
  cursor.doc.setLineWidth(0.3);
  cursor.doc.line(MARGIN_X, cursor.y, MARGIN_X + CONTENT_WIDTH, cursor.y);
  cursor.moveDown(1.2);
}

const FIELD_GAP = 6;
const fieldColumnWidth = (columns: number): number =>
  (CONTENT_WIDTH - FIELD_GAP * (columns - 1)) / columns;

interface FieldRow {
  readonly fields: ReadonlyArray<readonly [string, string]>;
  readonly wrapped: readonly string[][];
  readonly height: number;
}

function fieldRows(
  doc: jsPDF,
  fields: ReadonlyArray<readonly [string, string]>,
  columns: number,
): FieldRow[] {
  const columnWidth = fieldColumnWidth(columns);
  const rows: FieldRow[] = [];
  for (let i = 0; i < fields.length; i += columns) {
    const row = fields.slice(i, i + columns);
    const wrapped = row.map(([, value]) => wrap(doc, value === '' ? '—' : value, columnWidth));
    const height =
      lineHeight(SIZE.small) +
      Math.max(...wrapped.map((lines) => lines.length)) * lineHeight(SIZE.body) +
      1.5;
    rows.push({ fields: row, wrapped, height });
  }
  return rows;
}

/** The height `writeFields` will take for these fields. */
export function fieldsHeight(
  doc: jsPDF,
  fields: ReadonlyArray<readonly [string, string]>,
  columns = 2,
): number {
  return fieldRows(doc, fields, columns).reduce((total, row) => total + row.height, 0);
}

/** "Label : value" pairs laid out in `columns` columns, each value wrapped in its cell. */
export function writeFields(
  cursor: PageCursor,
  fields: ReadonlyArray<readonly [string, string]>,
  columns = 2,
): void {
  const columnWidth = fieldColumnWidth(columns);
  const labelHeight = lineHeight(SIZE.small);
  for (const { fields: row, wrapped, height: rowHeight } of fieldRows(
    cursor.doc,
    fields,
    columns,
  )) {
    cursor.ensureSpace(rowHeight);
    row.forEach(([label], column) => {
      const x = MARGIN_X + column * (columnWidth + FIELD_GAP);
      drawLine(cursor.doc, label, x, cursor.y, { size: SIZE.small, colour: COLOUR.muted });
      applyStyle(cursor.doc, {});
      cursor.doc.text(wrapped[column] ?? [], x, cursor.y + labelHeight, {
        baseline: 'top',
        lineHeightFactor: 1.25,
      });
    });
    cursor.moveDown(rowHeight);
  }
}
