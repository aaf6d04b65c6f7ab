import type { ClientCopyMethod, Report } from '../model';
import type { PageCursor } from './cursor';
import { COLOUR, SIZE } from './page-layout';
import { writeParagraph } from './text';

/**
 * The short notices a reader of the bordereau needs beside its content (domain-rules.md §5):
 * it is not an invoice, how the client's copy was handed over, and what is done with the
 * personal data it holds.
 */

export const NOT_AN_INVOICE =
  'Ce bordereau est un document de constat et non une facture : facture à suivre.';

export function writeNotAnInvoice(cursor: PageCursor): void {
  writeParagraph(cursor, NOT_AN_INVOICE, { size: SIZE.small, bold: true });
}

const COPY_METHOD_LABELS: Readonly<Record<ClientCopyMethod, string>> = {
  printed: 'imprimé et remis sur place',
  'pdf-on-site': 'PDF remis sur place',
  email: 'envoyé par e-mail par le bureau',
};

/** "Exemplaire du client : imprimé et remis sur place ; envoyé par e-mail par le bureau à …". */
export function clientCopyText(report: Report): string | null {
  const copy = report.content.clientCopy;
  if (!copy) return null;
  const parts = copy.methods.map((method) =>
    method === 'email'
      ? `${COPY_METHOD_LABELS.email} à ${copy.emails.join(', ')}`
      : COPY_METHOD_LABELS[method],
  );
  return `Exemplaire du client (004 art. VI) : ${parts.join(' ; ')}.`;
}

export function writeClientCopy(cursor: PageCursor, report: Report): void {
  const text = clientCopyText(report);
  if (text) writeParagraph(cursor, text, { size: SIZE.tiny, colour: COLOUR.muted });
}

/**
 * Who keeps the signature and contact details, and why, as the contracts' data clauses put it
 * (000 art. 17, 002 art. IX, 004 art. III): client management and the proof and billing of
 * the work; no disclosure to third parties; rights exercised with the provider.
 */
export function dataNoticeText(report: Report): string {
  const { provider } = report.content;
  const contact = provider.email !== '' ? ` (${provider.email})` : '';
  return (
    `Données personnelles : les nom, fonction et signature du représentant du client et les coordonnées ` +
    `figurant sur ce bordereau sont conservés par ${provider.name} pour prouver et facturer l’intervention ` +
    'et gérer la relation client, et ne sont communiqués à aucun tiers ; droits d’accès, de rectification, ' +
    `d’opposition et de suppression auprès de ${provider.name}${contact} (loi n° 78-17 du 6 janvier 1978).`
  );
}

export function writeDataNotice(cursor: PageCursor, report: Report): void {
  writeParagraph(cursor, dataNoticeText(report), { size: SIZE.tiny, colour: COLOUR.muted });
}
