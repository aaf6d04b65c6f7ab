/**
 * The bordereau's page geometry and type scale (A4 portrait, millimetres, font sizes in
 * points). One place, so the header, the footer and every section agree on where content
 * may go.
 */
export const PAGE_WIDTH = 210;
export const PAGE_HEIGHT = 297;
export const MARGIN_X = 15;
export const CONTENT_WIDTH = PAGE_WIDTH - 2 * MARGIN_X;
/** Below the header drawn on every page. */
export const CONTENT_TOP = 34;
/** Above the footer drawn on every page. */
export const CONTENT_BOTTOM = 275;
export const FOOTER_RULE_Y = 279;
/** The room a page offers between the header and the footer. */
export const CONTENT_HEIGHT = CONTENT_BOTTOM - CONTENT_TOP;

/** Embedded Unicode font (fonts.ts). */
export const FONT = 'DejaVuSansCondensed';
export const SIZE = { title: 14, heading: 10, body: 8.5, small: 7.5, tiny: 6.5 } as const;

const PT_TO_MM = 25.4 / 72;
/** Line height (mm) for a font size (pt): 1.25 × the size, the usual leading. */
export function lineHeight(sizePt: number): number {
  return sizePt * PT_TO_MM * 1.25;
}

export type Rgb = readonly [number, number, number];
export const COLOUR = {
  text: [33, 37, 41],
  muted: [100, 108, 116],
  accent: [31, 78, 121],
  rule: [190, 198, 206],
  panel: [242, 245, 248],
  warning: [176, 92, 0],
  warningPanel: [253, 243, 226],
  tableHead: [226, 233, 240],
} as const satisfies Record<string, Rgb>;
