/**
 * Writes a complete signed sample bordereau (fixture data, three pages, both signatures,
 * photo annex) for reviewing the layout:
 *   npm run report:sample -- OUT.pdf            (or: npx tsx scripts/report-sample.ts OUT.pdf)
 * Add --absent for the variant closed without the client's signature.
 */
import { writeFileSync } from 'node:fs';
import { printHelpAndExitIfAsked } from './help-flag';
import { renderBordereauPdf } from '../shared/report/pdf/render';
import { sealReport } from '../shared/report/seal';
import { loadReportFonts } from '../server/delivery/report-fonts';
import {
  absentClientSignatures,
  SEALED_AT,
  sampleDraft,
  sampleSignatures,
  samplePhotoImages,
} from '../test/fixtures/report/sample-report';

printHelpAndExitIfAsked(
  process.argv,
  'npm run report:sample -- FICHIER.pdf [--absent]\n\nÉcrit un bordereau signé d’exemple (trois pages, deux signatures, photos) pour relire la mise en page ; --absent : la variante clôturée sans la signature du client.',
);
const args = process.argv.slice(2);
const out = args.find((arg) => !arg.startsWith('--'));
if (!out) {
  console.error('Usage : npm run report:sample -- FICHIER.pdf [--absent]');
  process.exit(2);
}
const signatures = args.includes('--absent') ? absentClientSignatures() : sampleSignatures();
const sealed = await sealReport(sampleDraft(), signatures, SEALED_AT);
const pdf = await renderBordereauPdf(sealed, {
  fonts: loadReportFonts(),
  photos: samplePhotoImages,
  verifyBaseUrl: 'https://bureau.example.fr',
});
writeFileSync(out, pdf);
console.log(
  `${out} : ${sealed.content.number}, ${pdf.byteLength} octets, empreinte SHA-256 ${sealed.seal.hash}`,
);
