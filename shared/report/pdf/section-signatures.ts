import { formatDateTime } from '../../format/date';
import { CLIENT_ABSENCE_LABELS } from '../labels';
import type { Report, SealedReport } from '../model';
import type { PageCursor } from './cursor';
import { drawImageInBox } from './image';
import { drawQrCode, verificationUrl } from './qr-code';
import { sealedContentFileName } from './sealed-attachment';
import { COLOUR, CONTENT_WIDTH, MARGIN_X, SIZE, lineHeight } from './page-layout';
import { applyStyle, drawLine, wrap, writeHeading, writeParagraph } from './text';
import type { TextStyle } from './text';

const GAP = 6;
const BOX_WIDTH = (CONTENT_WIDTH - GAP) / 2;
const PADDING = 3;
const IMAGE_HEIGHT = 16;
const BOX_HEIGHT = 34;

interface SignatureBox {
  readonly title: string;
  readonly lines: ReadonlyArray<{ readonly text: string; readonly style?: TextStyle }>;
  readonly imagePngDataUrl: string | null;
  readonly warning: boolean;
}

function drawSignatureBox(cursor: PageCursor, x: number, box: SignatureBox): void {
  const { doc } = cursor;
  const top = cursor.y;
  const frame = box.warning ? COLOUR.warning : COLOUR.rule;
  doc.setDrawColor(frame[0], frame[1], frame[2]);
  doc.setLineWidth(box.warning ? 0.5 : 0.3);
  if (box.warning) {
    doc.setFillColor(COLOUR.warningPanel[0], COLOUR.warningPanel[1], COLOUR.warningPanel[2]);
    doc.rect(x, top, BOX_WIDTH, BOX_HEIGHT, 'FD');
  } else {
    doc.rect(x, top, BOX_WIDTH, BOX_HEIGHT);
  }
  let y = top + PADDING;
  drawLine(doc, box.title.toUpperCase(), x + PADDING, y, {
    size: SIZE.small,
    bold: true,
    colour: COLOUR.accent,
  });
  y += lineHeight(SIZE.small) + 0.5;
  for (const line of box.lines) {
    const size = line.style?.size ?? SIZE.body;
    const wrapped = wrap(doc, line.text, BOX_WIDTH - 2 * PADDING, line.style);
    applyStyle(doc, line.style);
    doc.text(wrapped, x + PADDING, y, { baseline: 'top', lineHeightFactor: 1.25 });
    y += wrapped.length * lineHeight(size);
  }
  if (box.imagePngDataUrl) {
    const imageTop = top + BOX_HEIGHT - PADDING - IMAGE_HEIGHT;
    drawImageInBox(doc, box.imagePngDataUrl, {
      x: x + PADDING,
      y: imageTop,
      width: BOX_WIDTH - 2 * PADDING,
      height: IMAGE_HEIGHT,
    });
  }
}

function clientBox(report: Report & { status: 'sealed' }): SignatureBox {
  const client = report.content.signatures.client;
  if (client.status === 'signed') {
    return {
      title: 'Pour le client',
      lines: [
        {
          text: client.signerName + (client.role ? `, ${client.role}` : ''),
          style: { bold: true },
        },
        {
          text: `Signé le ${formatDateTime(client.signedAt)}`,
          style: { size: SIZE.small, colour: COLOUR.muted },
        },
      ],
      imagePngDataUrl: client.imagePngDataUrl,
      warning: false,
    };
  }
  return {
    title: 'Pour le client',
    lines: [
      {
        text: `${CLIENT_ABSENCE_LABELS[client.reason]} – bordereau non signé par le client`,
        style: { bold: true, colour: COLOUR.warning },
      },
      { text: client.note },
      {
        text: `Constaté par le technicien le ${formatDateTime(client.recordedAt)}`,
        style: { size: SIZE.small, colour: COLOUR.muted },
      },
    ],
    imagePngDataUrl: null,
    warning: true,
  };
}

/** What the client attests by signing (domain-rules.md §5, 002 art. IV.2.2). */
export function attestationText(report: Report): string {
  const remote = report.content.intervention.mode === 'remote';
  return (
    'En signant, le client atteste que les travaux décrits ci-dessus ont été réalisés et que les heures ' +
    `${remote ? 'de début et de fin' : 'd’arrivée et de départ'} indiquées sont exactes : ce relevé ` +
    'du temps passé est contradictoire.'
  );
}

/** The one sentence that says what the printed hash covers and how anyone can check it. */
export function hashExplanation(report: SealedReport): string {
  return (
    `Elle porte sur le contenu signé, joint à ce PDF (fichier « ${sealedContentFileName(report)} ») : ` +
    'l’empreinte SHA-256 de ce fichier (sha256sum) doit être identique ; celle du PDF lui-même diffère ' +
    'par construction, sans signaler de modification.'
  );
}

const QR_SIZE = 22;
const QR_GAP = 3;

/** Client remarks, the attestation, both signatures, and the seal, kept together on one page. */
export function writeSignatures(cursor: PageCursor, report: Report, verifyBaseUrl?: string): void {
  const { clientRemarks, technician } = report.content;
  if (clientRemarks !== '') {
    writeHeading(cursor, 'Observations du client');
    writeParagraph(cursor, clientRemarks, { italic: true });
  }

  const attestation =
    (clientRemarks === '' ? 'Observations du client : aucune. ' : '') + attestationText(report);
  const attestationStyle: TextStyle = { size: SIZE.small, bold: true };
  if (report.status === 'draft') {
    writeHeading(cursor, 'Signatures');
    writeParagraph(cursor, attestation, attestationStyle);
    writeParagraph(cursor, 'Bordereau non encore signé.', { bold: true, colour: COLOUR.muted });
    return;
  }
  const small: TextStyle = { size: SIZE.small, colour: COLOUR.muted };
  const hashStyle: TextStyle = { size: SIZE.small, bold: true };
  const sealText = `Scellé le ${formatDateTime(report.seal.sealedAt)} par ${report.seal.signer.name} ; toute modification ultérieure est une nouvelle version.`;
  const hashText = `Empreinte SHA-256 du contenu signé : ${report.seal.hash}`;
  const explanation = hashExplanation(report);
  const qrUrl = verifyBaseUrl
    ? verificationUrl(verifyBaseUrl, {
        number: report.content.number,
        version: report.content.version.number,
        hash: report.seal.hash,
      })
    : null;
  const onlineText = qrUrl ? 'Vérification en ligne sans compte : code ci-contre.' : null;
  const textWidth = qrUrl ? CONTENT_WIDTH - QR_SIZE - QR_GAP : CONTENT_WIDTH;
  const tiny: TextStyle = { size: SIZE.tiny, colour: COLOUR.muted };
  const heightOf = (text: string, style: TextStyle): number =>
    wrap(cursor.doc, text, textWidth, style).length * lineHeight(style.size ?? SIZE.body);
  // The seal lines are measured as they will wrap (a long name takes two lines), so the
  // attestation, both signatures and the seal always land on the same page.
  const sealHeight = Math.max(
    qrUrl ? QR_SIZE : 0,
    heightOf(sealText, small) +
      heightOf(hashText, hashStyle) +
      heightOf(explanation, tiny) +
      (onlineText ? heightOf(onlineText, tiny) : 0),
  );
  const attestationHeight =
    wrap(cursor.doc, attestation, CONTENT_WIDTH, attestationStyle).length * lineHeight(SIZE.small);
  writeHeading(cursor, 'Signatures', attestationHeight + BOX_HEIGHT + 2 + sealHeight + 0.5);
  writeParagraph(cursor, attestation, attestationStyle);
  cursor.moveDown(1);
  const technicianSignature = report.content.signatures.technician;
  drawSignatureBox(cursor, MARGIN_X, clientBox(report));
  drawSignatureBox(cursor, MARGIN_X + BOX_WIDTH + GAP, {
    title: 'Le technicien',
    lines: [
      { text: `${technicianSignature.name} (${technician.code})`, style: { bold: true } },
      {
        text: `Signé le ${formatDateTime(technicianSignature.signedAt)}`,
        style: { size: SIZE.small, colour: COLOUR.muted },
      },
    ],
    imagePngDataUrl: technicianSignature.imagePngDataUrl,
    warning: false,
  });
  cursor.moveDown(BOX_HEIGHT + 2);
  const sealTop = cursor.y;
  writeParagraph(cursor, sealText, small, { width: textWidth });
  writeParagraph(cursor, hashText, hashStyle, { width: textWidth });
  writeParagraph(cursor, explanation, tiny, { width: textWidth });
  if (qrUrl && onlineText) {
    writeParagraph(cursor, onlineText, tiny, { width: textWidth });
    drawQrCode(cursor.doc, qrUrl, MARGIN_X + CONTENT_WIDTH - QR_SIZE, sealTop, QR_SIZE);
    cursor.y = Math.max(cursor.y, sealTop + QR_SIZE);
  }
}
