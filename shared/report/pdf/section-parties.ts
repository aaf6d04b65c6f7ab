import { formatDateTime } from '../../format/date';
import { compactIdentifier } from '../company-ids';
import type { Address, Provider, Report } from '../model';
import { reportClosure, reportClosureLabel } from '../status';
import type { PageCursor } from './cursor';
import { groupedSiret } from './page-frame';
import { COLOUR, CONTENT_WIDTH, MARGIN_X, SIZE, lineHeight } from './page-layout';
import type { Rgb } from './page-layout';
import { applyStyle, drawLine, wrap } from './text';
import type { TextStyle } from './text';

interface BoxLine {
  readonly text: string;
  readonly style?: TextStyle;
}

const PADDING = 3;
const GAP = 6;
const BOX_WIDTH = (CONTENT_WIDTH - GAP) / 2;

function addressLines(address: Address): string[] {
  return [address.street, address.complement ?? '', `${address.postcode} ${address.city}`].filter(
    (l) => l !== '',
  );
}

function boxHeight(cursor: PageCursor, lines: readonly BoxLine[]): number {
  return lines.reduce(
    (height, line) => {
      const size = line.style?.size ?? SIZE.body;
      return (
        height +
        wrap(cursor.doc, line.text, BOX_WIDTH - 2 * PADDING, line.style).length * lineHeight(size)
      );
    },
    2 * PADDING + lineHeight(SIZE.small),
  );
}

function drawBox(
  cursor: PageCursor,
  x: number,
  height: number,
  title: string,
  lines: readonly BoxLine[],
): void {
  const { doc } = cursor;
  const [r, g, b] = COLOUR.panel;
  doc.setFillColor(r, g, b);
  doc.roundedRect(x, cursor.y, BOX_WIDTH, height, 1.5, 1.5, 'F');
  let y = cursor.y + PADDING;
  drawLine(doc, title.toUpperCase(), x + PADDING, y, {
    size: SIZE.small,
    bold: true,
    colour: COLOUR.accent,
  });
  y += lineHeight(SIZE.small);
  for (const line of lines) {
    const size = line.style?.size ?? SIZE.body;
    for (const wrapped of wrap(doc, line.text, BOX_WIDTH - 2 * PADDING, line.style)) {
      applyStyle(doc, line.style);
      doc.text(wrapped, x + PADDING, y, { baseline: 'top' });
      y += lineHeight(size);
    }
  }
}

const muted: TextStyle = { size: SIZE.small, colour: COLOUR.muted };

/** "RCS Paris 812 345 676": the registry's city and the SIREN (Code de commerce R. 123-237). */
export function rcsMention(provider: Provider): string {
  const siren = compactIdentifier(provider.siret).slice(0, 9);
  return `RCS ${provider.rcsCity ?? ''} ${siren.slice(0, 3)} ${siren.slice(3, 6)} ${siren.slice(6)}`;
}

/**
 * The representative named at the start of the visit. A client recorded as absent at the
 * close is not printed as present: the reader must not think someone attested the report.
 */
function representativeLine(report: Report): string {
  const { representative } = report.content;
  if (!representative) return 'Aucun représentant du client présent';
  const who = `${representative.name}${representative.role ? `, ${representative.role}` : ''}`;
  if (reportClosure(report) === 'client-absent') {
    return `Représentant du client : ${who} – absent à la clôture, n’a pas signé`;
  }
  return `Représentant présent : ${who}`;
}

/** The two parties side by side: the provider's legal identity, and the client, site and contract. */
export function writeParties(cursor: PageCursor, report: Report): void {
  const { provider, client, site, contract } = report.content;
  const providerLines: BoxLine[] = [
    { text: provider.name, style: { bold: true } },
    ...(provider.legalForm ? [{ text: provider.legalForm, style: muted }] : []),
    { text: addressLines(provider.address).join(', ') },
    { text: `SIRET : ${groupedSiret(provider.siret)}`, style: muted },
    ...(provider.rcsCity ? [{ text: rcsMention(provider), style: muted }] : []),
    { text: `N° TVA intracommunautaire : ${compactIdentifier(provider.vatNumber)}`, style: muted },
    ...([provider.phone, provider.email].filter((v) => v !== '').length > 0
      ? [
          {
            text: [provider.phone, provider.email].filter((v) => v !== '').join(' · '),
            style: muted,
          },
        ]
      : []),
  ];
  const clientLines: BoxLine[] = [
    {
      text: client.name + (client.clientCode ? ` (réf. ${client.clientCode})` : ''),
      style: { bold: true },
    },
    ...(client.siret ? [{ text: `SIRET : ${groupedSiret(client.siret)}`, style: muted }] : []),
    ...(client.billingAddress
      ? [
          {
            text: `Adresse de facturation : ${addressLines(client.billingAddress).join(', ')}`,
            style: muted,
          },
        ]
      : []),
    { text: `Site : ${site.name}, ${addressLines(site.address).join(', ')}` },
    {
      text: contract
        ? `Contrat : ${contract.reference}${contract.label ? ` – ${contract.label}` : ''}`
        : 'Hors contrat',
      style: muted,
    },
    ...(provider.generalTerms
      ? [{ text: `Conditions générales : ${provider.generalTerms}`, style: muted }]
      : []),
    { text: representativeLine(report), style: muted },
  ];
  const height = Math.max(boxHeight(cursor, providerLines), boxHeight(cursor, clientLines));
  cursor.ensureSpace(height);
  drawBox(cursor, MARGIN_X, height, 'Prestataire', providerLines);
  drawBox(cursor, MARGIN_X + BOX_WIDTH + GAP, height, 'Client', clientLines);
  cursor.moveDown(height + 3);
}

function banner(cursor: PageCursor, text: string, colour: Rgb, fill: Rgb): void {
  const { doc } = cursor;
  const lines = wrap(doc, text, CONTENT_WIDTH - 6, { bold: true });
  const height = lines.length * lineHeight(SIZE.body) + 4;
  cursor.ensureSpace(height);
  doc.setFillColor(fill[0], fill[1], fill[2]);
  doc.setDrawColor(colour[0], colour[1], colour[2]);
  doc.setLineWidth(0.4);
  doc.rect(MARGIN_X, cursor.y, CONTENT_WIDTH, height, 'FD');
  applyStyle(doc, { bold: true, colour });
  doc.text(lines, MARGIN_X + 3, cursor.y + 2, { baseline: 'top', lineHeightFactor: 1.25 });
  cursor.moveDown(height + 2);
}

/**
 * What kind of document this is, before anything else: closed without the client's
 * signature, or a version replacing a sealed report, must be impossible to miss.
 */
export function writeStatusBanners(cursor: PageCursor, report: Report): void {
  const closure = reportClosure(report);
  if (closure === 'client-absent' || closure === 'client-refused') {
    banner(
      cursor,
      `${reportClosureLabel(report)} – voir la rubrique « Signatures ».`,
      COLOUR.warning,
      COLOUR.warningPanel,
    );
  }
  const { supersedes } = report.content.version;
  if (supersedes) {
    banner(
      cursor,
      `Version ${report.content.version.number} : ce bordereau remplace le bordereau ${supersedes.number} ` +
        `précédemment signé (empreinte SHA-256 ${supersedes.sealHash}).`,
      COLOUR.accent,
      COLOUR.panel,
    );
  }
  if (report.status === 'draft') {
    banner(
      cursor,
      `Brouillon non signé du ${formatDateTime(report.content.issuedAt)} : ce document n’a pas de valeur contractuelle.`,
      COLOUR.muted,
      COLOUR.panel,
    );
  }
}
