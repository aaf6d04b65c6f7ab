import { formatDate } from '../../shared/format/date';
import type { SealedReport } from '../../shared/report/model';
import { verificationUrl } from '../../shared/report/pdf/qr-code';
import { sealedContentFileName } from '../../shared/report/pdf/sealed-attachment';

/** The French e-mail that carries the client's copy (subject, body, PDF file name). */
export function deliveryMessage(
  report: SealedReport,
  publicUrl: string | null,
): { subject: string; text: string; filename: string } {
  const { content, seal } = report;
  const version = content.version.number > 1 ? ` (version ${content.version.number})` : '';
  const check = publicUrl
    ? `vous pouvez le vérifier à l’adresse ${verificationUrl(publicUrl, {
        number: content.number,
        version: content.version.number,
        hash: seal.hash,
      })}, ou en recalculant l’empreinte du fichier « ${sealedContentFileName(report)} » joint au PDF.`
    : `vous pouvez le vérifier en recalculant l’empreinte du fichier « ${sealedContentFileName(report)} » joint au PDF.`;
  return {
    subject: `Bordereau d’intervention ${content.number}${version} – ${content.client.name}`,
    filename: `${content.number}${content.version.number > 1 ? `-v${content.version.number}` : ''}.pdf`,
    text: [
      'Bonjour,',
      '',
      `Veuillez trouver ci-joint votre exemplaire du bordereau d’intervention ${content.number}${version} ` +
        `du ${formatDate(content.issuedAt)}, site « ${content.site.name} », établi par ${content.technician.name}.`,
      '',
      'Ce bordereau est un document de constat et non une facture : la facture suivra.',
      `Son empreinte SHA-256 est ${seal.hash} : ${check}`,
      '',
      'Cordialement,',
      content.provider.name,
    ].join('\n'),
  };
}
