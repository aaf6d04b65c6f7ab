import type { jsPDF } from 'jspdf';
import { formatDate, formatDateTime } from '../../format/date';
import { compactIdentifier } from '../company-ids';
import type { Provider, Report } from '../model';
import { drawImageInBox } from './image';
import {
  COLOUR,
  FOOTER_RULE_Y,
  MARGIN_X,
  PAGE_HEIGHT,
  PAGE_WIDTH,
  SIZE,
  lineHeight,
} from './page-layout';
import { toPdfText } from './pdf-text';
import { applyStyle, drawLine } from './text';

const LOGO_BOX = { x: MARGIN_X, y: 10, width: 48, height: 16 } as const;
const HEADER_RULE_Y = 29;

/** "812 345 676 00017": SIRETs are read and checked in groups. */
export function groupedSiret(siret: string): string {
  const s = compactIdentifier(siret);
  return `${s.slice(0, 3)} ${s.slice(3, 6)} ${s.slice(6, 9)} ${s.slice(9)}`;
}

export function providerLegalLine(report: Report): string {
  return providerIdentityLine(report.content.provider);
}

/** The provider's legal identity on one line (every page's footer). */
export function providerIdentityLine(provider: Provider): string {
  const address = `${provider.address.street}, ${provider.address.postcode} ${provider.address.city}`;
  return [
    provider.name,
    provider.legalForm,
    address,
    `SIRET ${groupedSiret(provider.siret)}`,
    provider.rcsCity ? `RCS ${provider.rcsCity}` : '',
    `TVA ${compactIdentifier(provider.vatNumber)}`,
  ]
    .filter((part) => part !== '')
    .join(' · ');
}

function drawHeader(doc: jsPDF, report: Report): void {
  const { content } = report;
  drawImageInBox(doc, content.provider.logoPngDataUrl, LOGO_BOX, {
    alias: 'provider-logo',
    align: 'left',
  });
  const right = PAGE_WIDTH - MARGIN_X;
  drawLine(
    doc,
    'Bordereau d’intervention',
    right,
    10,
    { size: SIZE.title, bold: true, colour: COLOUR.accent },
    'right',
  );
  const version = content.version.number > 1 ? ` – version ${content.version.number}` : '';
  drawLine(
    doc,
    `N° ${content.number}${version}`,
    right,
    17,
    { size: SIZE.body, bold: true },
    'right',
  );
  drawLine(
    doc,
    `Date : ${formatDate(content.issuedAt)}`,
    right,
    17 + lineHeight(SIZE.body),
    { size: SIZE.body },
    'right',
  );
  const [r, g, b] = COLOUR.rule;
  doc.setDrawColor(r, g, b);
  doc.setLineWidth(0.3);
  doc.line(MARGIN_X, HEADER_RULE_Y, right, HEADER_RULE_Y);
}

function drawFooter(doc: jsPDF, report: Report, page: number, pages: number): void {
  const right = PAGE_WIDTH - MARGIN_X;
  const [r, g, b] = COLOUR.rule;
  doc.setDrawColor(r, g, b);
  doc.setLineWidth(0.3);
  doc.line(MARGIN_X, FOOTER_RULE_Y, right, FOOTER_RULE_Y);
  const muted = { size: SIZE.tiny, colour: COLOUR.muted };
  drawLine(doc, providerLegalLine(report), PAGE_WIDTH / 2, FOOTER_RULE_Y + 2, muted, 'center');
  const sealLine =
    report.status === 'sealed'
      ? `Empreinte SHA-256 : ${report.seal.hash}`
      : `Brouillon non scellé – imprimé le ${formatDateTime(report.content.issuedAt)}`;
  const y = FOOTER_RULE_Y + 2 + lineHeight(SIZE.tiny) + 1;
  drawLine(doc, sealLine, MARGIN_X, y, muted);
  drawLine(
    doc,
    `Page ${page} / ${pages}`,
    right,
    y,
    { size: SIZE.small, bold: true, colour: COLOUR.muted },
    'right',
  );
}

/** Header and footer on every page, once the page count is known ("Page 2 / 3"). */
export function drawPageFrames(doc: jsPDF, report: Report): void {
  const pages = doc.getNumberOfPages();
  for (let page = 1; page <= pages; page++) {
    doc.setPage(page);
    drawHeader(doc, report);
    drawFooter(doc, report, page, pages);
  }
}

/**
 * A draft printed for review must not pass for the signed document: a light diagonal mark
 * across every page (light enough to read the text under it).
 */
export function drawDraftWatermarks(doc: jsPDF, report: Report): void {
  if (report.status !== 'draft') return;
  const pages = doc.getNumberOfPages();
  for (let page = 1; page <= pages; page++) {
    doc.setPage(page);
    applyStyle(doc, { size: 54, bold: true, colour: [228, 231, 235] });
    doc.text(toPdfText('BROUILLON – NON SIGNÉ'), PAGE_WIDTH / 2 - 75, PAGE_HEIGHT / 2 + 45, {
      angle: 35,
    });
  }
}
