import { formatDateTime } from '../../format/date';
import { CLIENT_ABSENCE_LABELS } from '../labels';
import type { Report } from '../model';
import type { PageCursor } from './cursor';
import { drawImageInBox } from './image';
import { COLOUR, CONTENT_WIDTH, MARGIN_X, SIZE, lineHeight } from './page-layout';
import { applyStyle, drawLine, wrap, writeHeading, writeParagraph } from './text';
import type { TextStyle } from './text';

const GAP = 6;
const BOX_WIDTH = (CONTENT_WIDTH - GAP) / 2;
const PADDING = 3;
const IMAGE_HEIGHT = 21;
const BOX_HEIGHT = 44;

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

/** Client remarks, both signatures, and the seal, kept together on one page. */
export function writeSignatures(cursor: PageCursor, report: Report): void {
  const { clientRemarks, technician } = report.content;
  writeHeading(cursor, 'Observations du client');
  writeParagraph(cursor, clientRemarks === '' ? 'Aucune observation.' : clientRemarks, {
    italic: clientRemarks !== '',
  });

  if (report.status === 'draft') {
    writeHeading(cursor, 'Signatures');
    writeParagraph(cursor, 'Bordereau non encore signé.', { bold: true, colour: COLOUR.muted });
    return;
  }
  const small: TextStyle = { size: SIZE.small, colour: COLOUR.muted };
  const hashStyle: TextStyle = { size: SIZE.small, bold: true };
  const sealText = `Bordereau scellé le ${formatDateTime(report.seal.sealedAt)} par ${report.seal.signer.name} : toute modification ultérieure fait l’objet d’une nouvelle version.`;
  const hashText = `Empreinte SHA-256 du contenu signé : ${report.seal.hash}`;
  // The seal lines are measured as they will wrap (a long name takes two lines), so both
  // signatures and the seal always land on the same page.
  const sealHeight =
    (wrap(cursor.doc, sealText, CONTENT_WIDTH, small).length +
      wrap(cursor.doc, hashText, CONTENT_WIDTH, hashStyle).length) *
    lineHeight(SIZE.small);
  writeHeading(cursor, 'Signatures', BOX_HEIGHT + 2 + sealHeight + 0.5);
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
  writeParagraph(cursor, sealText, small);
  writeParagraph(cursor, hashText, hashStyle);
}
