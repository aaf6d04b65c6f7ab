import { formatDateTime } from '../../format/date';
import { formatDuration } from '../../format/duration';
import { formatMoney, formatPercentBasisPoints } from '../../format/money';
import type { BillingFlag, Report } from '../model';
import type { PageCursor } from './cursor';
import { COLOUR, CONTENT_HEIGHT } from './page-layout';
import { measureTable, writeTable } from './table';
import type { TableSpec } from './table';
import { fieldsHeight, HEADING_HEIGHT, writeFields, writeHeading, writeParagraph } from './text';

type BilledSummary = Extract<Report['content']['billing'], { kind: 'billed' }>;

function billingTable(billing: BilledSummary): TableSpec {
  return {
    head: ['Désignation', 'Qté', 'P.U. HT', 'Montant HT'],
    // A line explains itself under its label (units × unit price, step, article, rounding);
    // a time line's quantity is its billed time.
    body: billing.lines.map((line) => [
      line.detail === undefined ? line.label : `${line.label}\n${line.detail}`,
      line.quantity !== undefined
        ? String(line.quantity)
        : line.timeMinutes !== undefined
          ? formatDuration(line.timeMinutes)
          : '',
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
      1: { cellWidth: 16, halign: 'right' },
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
  if (billing.sla) {
    const { sla } = billing;
    writeParagraph(
      cursor,
      `Délai d’intervention (${formatDuration(sla.workingMinutes)} ouvrées) : demande du ${formatDateTime(sla.requestedAt)}, échéance ${formatDateTime(sla.deadlineAt)} — ${sla.met ? 'respecté' : 'dépassé'}.`,
      sla.met ? {} : { colour: COLOUR.warning },
    );
  }
  if (billing.kind === 'billed' && billing.quoteNumbers) {
    writeParagraph(
      cursor,
      `Prestations complémentaires réalisées sur devis accepté : ${billing.quoteNumbers.join(', ')}.`,
    );
  }
  // Out-of-hours work is already printed with the times (section-visit.ts).
  for (const flag of (billing.flags ?? []).filter((f) => f !== 'outside-opening-hours')) {
    writeParagraph(cursor, FLAG_TEXT[flag], { colour: COLOUR.warning });
  }
}

const FLAG_TEXT: Record<BillingFlag, string> = {
  'beyond-quota': 'Visite au-delà du nombre de visites prévu au contrat pour l’année.',
  'complementary-without-quote':
    'Prestation complémentaire sans devis accepté au préalable : à vérifier par le bureau.',
  'equipment-not-covered': 'Intervention sur un équipement hors contrat.',
  'outside-opening-hours': 'Travail hors des heures d’ouverture du client.',
};
