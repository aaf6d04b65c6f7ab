import { jsPDF } from 'jspdf';
import { formatDate, formatDateTime } from '../../format/date';
import { formatLocalDate } from '../../format/date';
import { formatDuration } from '../../format/duration';
import { formatMoney } from '../../format/money';
import { INTERVENTION_MODE_LABELS, INTERVENTION_TYPE_LABELS } from '../labels';
import type { Provider } from '../model';
import { PageCursor } from '../pdf/cursor';
import { registerReportFonts } from '../pdf/fonts';
import type { ReportFonts } from '../pdf/fonts';
import { providerIdentityLine } from '../pdf/page-frame';
import { COLOUR, FOOTER_RULE_Y, MARGIN_X, PAGE_WIDTH, SIZE, lineHeight } from '../pdf/page-layout';
import { finishAsPdfA3b } from '../pdf/pdf-a';
import { pdfDate } from '../pdf/pdf-date';
import { writeTable } from '../pdf/table';
import { drawLine, writeFields, writeHeading, writeParagraph } from '../pdf/text';
import type { ActivitySummary } from './activity-summary';

/**
 * The response times (004 art. VI: 4 h ouvrées for servers and network, 8 h for
 * workstations) as each bordereau sealed them: met or missed per request, and when a late
 * one was due and answered.
 */
function writeSla(cursor: PageCursor, summary: ActivitySummary): void {
  writeHeading(cursor, 'Délais d’intervention');
  const timed = summary.lines.filter((l) => l.sla !== null);
  if (timed.length === 0) {
    writeParagraph(cursor, 'Aucune demande soumise à un délai d’intervention sur la période.');
    return;
  }
  const { slaMet, slaMissed } = summary.totals;
  writeParagraph(
    cursor,
    `Délai respecté pour ${slaMet} demande${slaMet > 1 ? 's' : ''} sur ${timed.length}` +
      (slaMissed > 0 ? ` ; dépassé pour ${slaMissed}.` : '.'),
  );
  for (const l of timed) {
    if (!l.sla || l.sla.met) continue;
    writeParagraph(
      cursor,
      `${l.number} : demande du ${formatDateTime(l.sla.requestedAt)}, délai de ` +
        `${formatDuration(l.sla.workingMinutes)} ouvrées échu le ${formatDateTime(l.sla.deadlineAt)}, ` +
        `arrivée le ${formatDateTime(l.arrivalAt)}.`,
    );
  }
}

const RESULT_LABELS = {
  resolved: 'Résolu',
  'to-be-continued': 'À poursuivre',
  interrupted: 'Interrompu',
} as const;

/**
 * The activity report as an A4 PDF/A-3b (pdf-a.ts), with the bordereau's embedded font and
 * table style. It summarises sealed bordereaux (each can be checked on its own); it is not
 * sealed itself. `generatedAt` is its date (and the PDF's).
 */
export async function renderActivityPdf(input: {
  readonly summary: ActivitySummary;
  readonly provider: Provider;
  readonly fonts: ReportFonts;
  readonly generatedAt: number;
}): Promise<Uint8Array<ArrayBuffer>> {
  const { summary, provider } = input;
  const doc = new jsPDF({ unit: 'mm', format: 'a4', compress: true, putOnlyUsedFonts: true });
  registerReportFonts(doc, input.fonts);
  doc.setCreationDate(pdfDate(input.generatedAt));
  doc.setProperties({
    title: `Rapport d’activité ${summary.clientName} ${summary.from} – ${summary.to}`,
    author: provider.name,
    creator: 'Bordereau',
  });
  doc.setLanguage('fr-FR');
  const cursor = new PageCursor(doc);
  const period = `du ${formatLocalDate(summary.from)} au ${formatLocalDate(summary.to)}`;

  writeFields(cursor, [
    ['Client', summary.clientName],
    ['Période', period],
    ['Interventions', String(summary.lines.length)],
    ['Établi le', formatDateTime(input.generatedAt)],
  ]);
  writeHeading(cursor, 'Interventions');
  if (summary.lines.length === 0) {
    writeParagraph(cursor, 'Aucune intervention signée sur la période.');
  } else {
    writeTable(cursor, {
      head: [
        'Bordereau',
        'Date',
        'Site',
        'Type',
        'Délai',
        'Travaillé',
        'Facturé',
        'Montant HT',
        'Résultat',
      ],
      body: summary.lines.map((l) => [
        l.version > 1 ? `${l.number} (v${l.version})` : l.number,
        formatDate(l.arrivalAt),
        l.site,
        `${INTERVENTION_TYPE_LABELS[l.type]} – ${INTERVENTION_MODE_LABELS[l.mode]}${l.urgent ? ' – urgente' : ''}`,
        l.sla ? (l.sla.met ? 'Respecté' : 'Dépassé') : '—',
        formatDuration(l.workedMinutes),
        formatDuration(l.billedMinutes),
        l.billedHtCents === null ? 'Inclus' : formatMoney(l.billedHtCents),
        l.closure === 'signed' ? RESULT_LABELS[l.result] : `${RESULT_LABELS[l.result]} (non signé)`,
      ]),
      foot: [
        ['Temps travaillé', formatDuration(summary.totals.workedMinutes)],
        ['Temps facturé', formatDuration(summary.totals.billedMinutes)],
        ['Total facturé HT', formatMoney(summary.totals.billedHtCents)],
      ],
      columnStyles: {
        0: { cellWidth: 28 },
        1: { cellWidth: 17 },
        4: { cellWidth: 15 },
        5: { cellWidth: 15, halign: 'right' },
        6: { cellWidth: 15, halign: 'right' },
        7: { cellWidth: 19, halign: 'right' },
      },
    });
  }
  writeHeading(cursor, 'Abonnement');
  writeFields(
    cursor,
    [
      ['Interventions incluses dans l’abonnement', String(summary.totals.includedVisits)],
      [
        'Visites de l’année',
        summary.visits
          ? `${summary.visits.used} sur ${summary.visits.perYear} prévues au contrat`
          : 'Non suivies par le contrat',
      ],
      [
        'Banque d’heures : consommé sur la période',
        summary.hourBank
          ? formatDuration(summary.hourBank.deductedMinutes)
          : 'Sans banque d’heures',
      ],
      [
        'Banque d’heures : solde',
        summary.hourBank ? formatDuration(summary.hourBank.balanceMinutes) : '—',
      ],
    ],
    1,
  );
  writeSla(cursor, summary);
  writeHeading(cursor, 'Équipements découverts sur site');
  const discovered = summary.lines.flatMap((l) =>
    l.discovered.map((label) => `${label} (bordereau ${l.number}, ${formatDate(l.arrivalAt)})`),
  );
  writeParagraph(
    cursor,
    discovered.length === 0 ? 'Aucun équipement non déclaré découvert.' : discovered.join('\n'),
  );
  cursor.moveDown(2);
  writeParagraph(
    cursor,
    'Ce rapport résume les bordereaux signés de la période ; chacun fait foi et se vérifie par son ' +
      'empreinte SHA-256. Il ne constitue pas une facture.',
    { size: SIZE.small, colour: COLOUR.muted },
  );

  const pages = doc.getNumberOfPages();
  for (let page = 1; page <= pages; page++) {
    doc.setPage(page);
    drawLine(doc, `Rapport d’activité – ${summary.clientName}`, MARGIN_X, 12, {
      size: SIZE.title,
      bold: true,
      colour: COLOUR.accent,
    });
    drawLine(doc, `${provider.name} · ${period}`, MARGIN_X, 12 + lineHeight(SIZE.title), {
      size: SIZE.small,
      colour: COLOUR.muted,
    });
    drawLine(
      doc,
      providerIdentityLine(provider),
      PAGE_WIDTH / 2,
      FOOTER_RULE_Y + 2,
      {
        size: SIZE.tiny,
        colour: COLOUR.muted,
      },
      'center',
    );
    drawLine(
      doc,
      `Page ${page} / ${pages}`,
      PAGE_WIDTH - MARGIN_X,
      FOOTER_RULE_Y + 6,
      {
        size: SIZE.small,
        colour: COLOUR.muted,
      },
      'right',
    );
  }
  return finishAsPdfA3b(new Uint8Array(doc.output('arraybuffer')), { instant: input.generatedAt });
}
