import { jsPDF } from 'jspdf';
import { formatDateTime } from '../format/date';
import { formatDuration } from '../format/duration';
import { formatMoney, formatPercentBasisPoints } from '../format/money';
import { PageCursor } from '../report/pdf/cursor';
import { registerReportFonts } from '../report/pdf/fonts';
import type { ReportFonts } from '../report/pdf/fonts';
import { drawImageInBox } from '../report/pdf/image';
import { MARGIN_X } from '../report/pdf/page-layout';
import { finishAsPdfA3b } from '../report/pdf/pdf-a';
import { pdfDate } from '../report/pdf/pdf-date';
import { toPdfText } from '../report/pdf/pdf-text';
import { writeFields, writeHeading, writeParagraph } from '../report/pdf/text';
import type { SealedQuote } from './quote';

const MODE_LABEL = { onsite: 'sur site', remote: 'à distance' } as const;

/**
 * The quote as its own A4 PDF (jsPDF, the bordereau's building blocks): what is quoted, the
 * estimated duration, the price (ladder estimate with its explanation, or flat), the
 * client's signature and the seal's hash. PDF/A-3b like the bordereau (pdf-a.ts). Byte for
 * byte the same for the same sealed quote.
 */
export async function renderQuotePdf(
  quote: SealedQuote,
  fonts: ReportFonts,
): Promise<Uint8Array<ArrayBuffer>> {
  const { content, signature, seal } = quote;
  const doc = new jsPDF({
    unit: 'mm',
    format: 'a4',
    orientation: 'portrait',
    compress: true,
    // Only the embedded font, as the bordereau (shared/report/pdf/render.ts).
    putOnlyUsedFonts: true,
  });
  doc.setCreationDate(pdfDate(seal.sealedAt));
  doc.setFileId(seal.hash.slice(0, 32).toUpperCase());
  doc.setProperties({
    title: toPdfText(`Devis ${content.number}`),
    subject: toPdfText(`${content.clientName} – ${content.siteName}`),
    creator: 'Bordereau',
    keywords: `SHA-256 ${seal.hash}`,
  });
  doc.setLanguage('fr-FR');
  // The bordereau's embedded typeface (shared/report/pdf/fonts.ts): every character as typed.
  registerReportFonts(doc, fonts);
  const cursor = new PageCursor(doc);
  writeHeading(cursor, `Devis de prestation complémentaire n° ${content.number}`);
  writeFields(cursor, [
    ['Client', content.clientName],
    ['Site', content.siteName],
    ['Contrat', content.contractReference],
    ['Établi le', formatDateTime(content.issuedAt)],
    ['Technicien', `${content.technician.name} (${content.technician.code})`],
    ['Mode', MODE_LABEL[content.mode]],
  ]);
  writeHeading(cursor, 'Prestation');
  writeParagraph(cursor, content.description);
  writeParagraph(cursor, `Durée estimée : ${formatDuration(content.estimatedMinutes)}.`, {
    bold: true,
  });
  writeHeading(cursor, 'Prix');
  const { pricing } = content;
  if (pricing.kind === 'flat') {
    writeParagraph(cursor, `Prix forfaitaire : ${formatMoney(pricing.priceCents)} HT.`, {
      bold: true,
    });
  } else {
    writeParagraph(
      cursor,
      `Estimation au barème du contrat : ${formatMoney(pricing.estimateHtCents)} HT (${pricing.stepLabel}).`,
      { bold: true },
    );
    if (pricing.detail !== '') writeParagraph(cursor, pricing.detail);
    writeParagraph(
      cursor,
      'Le temps réellement passé, relevé contradictoirement, est facturé au même barème.',
    );
  }
  writeParagraph(
    cursor,
    `TVA au taux en vigueur (${formatPercentBasisPoints(content.vatRateBasisPoints)} à ce jour) en sus.`,
  );
  writeHeading(cursor, 'Acceptation du client', 50);
  writeParagraph(
    cursor,
    `Bon pour accord — ${signature.signerName}${signature.role ? `, ${signature.role}` : ''}, le ${formatDateTime(signature.signedAt)}.`,
  );
  drawImageInBox(
    doc,
    signature.imagePngDataUrl,
    { x: MARGIN_X, y: cursor.y, width: 70, height: 30 },
    {
      align: 'left',
    },
  );
  cursor.moveDown(32);
  writeParagraph(cursor, `Empreinte SHA-256 du devis scellé : ${seal.hash}`);
  return finishAsPdfA3b(new Uint8Array(doc.output('arraybuffer')), { instant: seal.sealedAt });
}
