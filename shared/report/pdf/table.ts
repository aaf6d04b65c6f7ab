import { __createTable, autoTable } from 'jspdf-autotable';
import type { jsPDF } from 'jspdf';
import type { CellInput, Row, RowInput, Styles, UserOptions } from 'jspdf-autotable';
import type { PageCursor } from './cursor';
import {
  COLOUR,
  CONTENT_BOTTOM,
  CONTENT_TOP,
  FONT,
  MARGIN_X,
  PAGE_HEIGHT,
  SIZE,
} from './page-layout';
import { toPdfText } from './pdf-text';

export interface TableSpec {
  readonly head: readonly string[];
  readonly body: ReadonlyArray<readonly string[]>;
  /** [label, value] rows under the body, bold (totals): the label spans all but the last column. */
  readonly foot?: ReadonlyArray<readonly [string, string]>;
  readonly columnStyles?: Readonly<Record<number, Partial<Styles>>>;
}

// jspdf-autotable records where the table ended on the document object it was given.
interface WithLastTable {
  readonly lastAutoTable?: { readonly finalY?: number };
}

const clean = (row: readonly string[]): CellInput[] =>
  row.map((cell) => toPdfText(cell === '' ? '—' : cell));

function tableOptions(spec: TableSpec, startY: number): UserOptions {
  return {
    startY,
    margin: {
      left: MARGIN_X,
      right: MARGIN_X,
      top: CONTENT_TOP,
      bottom: PAGE_HEIGHT - CONTENT_BOTTOM,
    },
    head: [clean(spec.head)] as RowInput[],
    body: spec.body.map(clean) as RowInput[],
    foot: spec.foot?.map(([label, value]) => [
      { content: toPdfText(label), colSpan: spec.head.length - 1, styles: { halign: 'right' } },
      { content: toPdfText(value), styles: { halign: 'right' } },
    ]),
    showHead: 'everyPage',
    showFoot: 'lastPage',
    rowPageBreak: 'avoid',
    theme: 'grid',
    styles: {
      font: FONT,
      fontSize: SIZE.small,
      cellPadding: 1.2,
      textColor: [...COLOUR.text],
      lineColor: [...COLOUR.rule],
      lineWidth: 0.2,
      overflow: 'linebreak',
      valign: 'top',
    },
    headStyles: {
      fillColor: [...COLOUR.tableHead],
      textColor: [...COLOUR.accent],
      fontStyle: 'bold',
    },
    footStyles: { fillColor: [255, 255, 255], textColor: [...COLOUR.text], fontStyle: 'bold' },
    columnStyles: spec.columnStyles as Record<number, Partial<Styles>> | undefined,
  };
}

export interface TableHeights {
  /** Header, every row and the totals (mm). */
  readonly whole: number;
  /**
   * The least room that may start the table at the bottom of a page: the header and the
   * first row, and never less than header + totals, which autotable itself requires before
   * it starts a table on the current page.
   */
  readonly opening: number;
}

/**
 * The heights the table will take once drawn, measured by laying it out without drawing
 * (jspdf-autotable's own layout pass, so wrapped cells count exactly as they will print).
 */
export function measureTable(doc: jsPDF, spec: TableSpec): TableHeights {
  const table = __createTable(doc, tableOptions(spec, CONTENT_TOP));
  const height = (rows: readonly Row[]): number =>
    rows.reduce((total, row) => total + row.getMaxCellHeight(table.columns), 0);
  const head = height(table.head);
  return {
    whole: head + height(table.body) + height(table.foot),
    opening: head + Math.max(height(table.body.slice(0, 1)), height(table.foot)),
  };
}

/**
 * A grid table at the cursor (jspdf-autotable): rows never split across pages, the header
 * row is repeated on each page the table spans, the last row always goes with the totals
 * (autotable reserves the totals' height under it), and the cursor ends below the table.
 */
export function writeTable(cursor: PageCursor, spec: TableSpec): void {
  // never a header alone at the bottom of a page
  cursor.ensureSpace(measureTable(cursor.doc, spec).opening);
  autoTable(cursor.doc, tableOptions(spec, cursor.y));
  const finalY = (cursor.doc as unknown as WithLastTable).lastAutoTable?.finalY ?? cursor.y;
  cursor.y = finalY + 1;
}
