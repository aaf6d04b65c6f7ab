import { formatDuration } from '../../format/duration';
import { formatMoney, formatPercentBasisPoints } from '../../format/money';
import type { Report } from '../model';
import type { PageCursor } from './cursor';
import { CONTENT_HEIGHT } from './page-layout';
import { measureTable, writeTable } from './table';
import type { TableSpec } from './table';
import { fieldsHeight, HEADING_HEIGHT, writeFields, writeHeading, writeParagraph } from './text';

type BilledSummary = Extract<Report['content']['billing'], { kind: 'billed' }>;

function billingTable(billing: BilledSummary): TableSpec {
  return {
    head: ['Désignation', 'Qté', 'P.U. HT', 'Montant HT'],
    body: billing.lines.map((line) => [
      line.label,
      line.quantity === undefined ? '' : String(line.quantity),
      line.unitHtCents === undefined ? '' : formatMoney(line.unitHtCents),
      formatMoney(line.htCents),
    ]),
    foot: [
      ['Total HT', formatMoney(billing.totalHtCents)],
      [
        `TVA ${formatPercentBasisPoints(billing.vatRateBasisPoints)}`,
        formatMoney(billing.vatCents),
      ],
      ['Total TTC', formatMoney(billing.totalTtcCents)],
    ],
    columnStyles: {
      1: { cellWidth: 12, halign: 'right' },
      2: { cellWidth: 26, halign: 'right' },
      3: { cellWidth: 28, halign: 'right' },
    },
  };
}

// Rounding slack between the measured and the drawn table, so "fits" never misjudges by a hair.
const SLACK = 0.5;

export function writeBilling(cursor: PageCursor, report: Report): void {
  const { billing } = report.content;
  const hourBank: ReadonlyArray<readonly [string, string]> = billing.hourBank
    ? [
        ['Banque d’heures : temps déduit', formatDuration(billing.hourBank.deductedMinutes)],
        ['Solde après cette intervention', formatDuration(billing.hourBank.balanceAfterMinutes)],
      ]
    : [];
  if (billing.kind === 'included') {
    writeHeading(cursor, 'Facturation', 20);
    writeParagraph(
      cursor,
      `Intervention incluse dans l’abonnement « ${billing.subscriptionLabel} » : montant facturé ${formatMoney(0)} HT.`,
      {
        bold: true,
      },
    );
    if (billing.visits) {
      writeParagraph(
        cursor,
        `Visite n° ${billing.visits.used} sur ${billing.visits.perYear} ${
          billing.visits.perYear > 1 ? 'prévues' : 'prévue'
        } au contrat pour l’année${
          billing.visits.used > billing.visits.perYear ? ' : au-delà du nombre prévu.' : '.'
        }`,
      );
    }
  } else {
    // A bill read across a page break is easily misread (a lone row, or totals without their
    // lines), so the table moves whole to the next page when that page can hold it; a longer
    // one breaks, with at least its header and first row under the heading.
    const table = billingTable(billing);
    const heights = measureTable(cursor.doc, table);
    const whole = heights.whole + fieldsHeight(cursor.doc, hourBank) + SLACK;
    writeHeading(
      cursor,
      'Facturation',
      HEADING_HEIGHT + whole <= CONTENT_HEIGHT ? whole : heights.opening + SLACK,
    );
    writeTable(cursor, table);
  }
  if (hourBank.length > 0) writeFields(cursor, hourBank);
}
