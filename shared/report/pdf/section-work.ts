import { formatDate } from '../../format/date';
import { INTERRUPTION_REASON_LABELS } from '../labels';
import type { Report } from '../model';
import type { PageCursor } from './cursor';
import { COLOUR, CONTENT_WIDTH, MARGIN_X, SIZE, lineHeight } from './page-layout';
import { writeTable } from './table';
import { applyStyle, wrap, writeHeading, writeParagraph } from './text';

export function writeEquipment(cursor: PageCursor, report: Report): void {
  const { equipment } = report.content;
  if (equipment.length === 0) return; // said in one line by writeNothingElse
  writeHeading(cursor, 'Équipements concernés');
  writeTable(cursor, {
    head: ['Équipement', 'Catégorie', 'N° de série', 'N° d’inventaire', 'Contrat'],
    body: equipment.map((e) => [
      e.label,
      e.category,
      e.serialNumber,
      e.assetTag,
      [
        e.covered ? 'Couvert' : 'Non couvert (facturé en sus)',
        e.newlyDiscovered && e.discoveredAt !== null
          ? `Non déclaré, découvert sur site le ${formatDate(e.discoveredAt)}`
          : '',
      ]
        .filter((s) => s !== '')
        .join('\n'),
    ]),
    columnStyles: {
      1: { cellWidth: 28 },
      2: { cellWidth: 30 },
      3: { cellWidth: 26 },
      4: { cellWidth: 38 },
    },
  });
}

const CHECKBOX = 3;

export function writeWork(cursor: PageCursor, report: Report): void {
  const { work } = report.content;
  writeHeading(cursor, 'Travaux réalisés');
  for (const paragraph of work.description.split(/\n{2,}/)) {
    writeParagraph(cursor, paragraph);
    cursor.moveDown(1.5);
  }
  if (work.checklist.length === 0) return;
  const { doc } = cursor;
  const height = lineHeight(SIZE.body);
  cursor.ensureSpace(3 * height);
  writeParagraph(cursor, 'Points de contrôle :', { bold: true });
  for (const item of work.checklist) {
    const label = item.done ? item.label : `${item.label} – non réalisé`;
    const lines = wrap(doc, label, CONTENT_WIDTH - 8, {
      colour: item.done ? COLOUR.text : COLOUR.muted,
    });
    cursor.ensureSpace(lines.length * height + 0.5);
    const boxY = cursor.y + (height - CHECKBOX) / 2;
    doc.setDrawColor(...COLOUR.text);
    doc.setLineWidth(0.25);
    doc.rect(MARGIN_X + 1, boxY, CHECKBOX, CHECKBOX);
    if (item.done) {
      doc.setLineWidth(0.45);
      doc.line(MARGIN_X + 1.6, boxY + 1.6, MARGIN_X + 2.3, boxY + 2.4);
      doc.line(MARGIN_X + 2.3, boxY + 2.4, MARGIN_X + 3.6, boxY + 0.6);
    }
    applyStyle(doc, { colour: item.done ? COLOUR.text : COLOUR.muted });
    doc.text(lines, MARGIN_X + 7, cursor.y, { baseline: 'top', lineHeightFactor: 1.25 });
    cursor.moveDown(lines.length * height + 0.5);
  }
}

export function writeParts(cursor: PageCursor, report: Report): void {
  const { parts } = report.content;
  if (parts.length === 0) return; // said in one line by writeNothingElse
  writeHeading(cursor, 'Pièces et fournitures utilisées');
  writeTable(cursor, {
    head: ['Désignation', 'Référence', 'N° de série', 'Qté'],
    body: parts.map((p) => [p.label, p.reference, p.serialNumber, String(p.quantity)]),
    columnStyles: {
      1: { cellWidth: 32 },
      2: { cellWidth: 34 },
      3: { cellWidth: 12, halign: 'right' },
    },
  });
}

export function writeResult(cursor: PageCursor, report: Report): void {
  const { result, recommendations } = report.content;
  writeHeading(cursor, 'Résultat');
  switch (result.status) {
    case 'resolved':
      writeParagraph(cursor, 'Résolu : l’intervention est terminée.', { bold: true });
      break;
    case 'to-be-continued':
      writeParagraph(cursor, 'À poursuivre.', { bold: true });
      writeParagraph(cursor, `Suite à donner : ${result.nextSteps}`);
      break;
    case 'interrupted':
      writeParagraph(cursor, `Interrompu – motif : ${INTERRUPTION_REASON_LABELS[result.reason]}.`, {
        bold: true,
        colour: COLOUR.warning,
      });
      if (result.detail) writeParagraph(cursor, result.detail);
      break;
  }
  if (recommendations === '') return; // said in one line by writeNothingElse
  writeHeading(cursor, 'Recommandations');
  writeParagraph(cursor, recommendations);
}

/**
 * The sections a report leaves empty, said in one line rather than a heading each: a short
 * report then fits on one page, and the reader still sees that nothing was left out.
 */
export function writeNothingElse(cursor: PageCursor, report: Report): void {
  const { equipment, parts, recommendations } = report.content;
  const none = [
    equipment.length === 0 ? 'aucun équipement du parc concerné' : '',
    parts.length === 0 ? 'aucune pièce ni fourniture' : '',
    recommendations === '' ? 'aucune recommandation' : '',
  ].filter((part) => part !== '');
  if (none.length === 0) return;
  const text = none.join(' ; ');
  cursor.moveDown(1.5);
  writeParagraph(cursor, `${text.charAt(0).toUpperCase()}${text.slice(1)}.`, {
    size: SIZE.small,
    colour: COLOUR.muted,
  });
}
