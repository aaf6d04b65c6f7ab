/**
 * Checks a bordereau PDF on its own, offline (docs/report.md, "Checking a bordereau"):
 *   npm run report:verify -- FICHIER.pdf
 * Extracts the attached signed content, recomputes its SHA-256 and compares it with the hash
 * printed on every page; says "OK" or what differs (exit code 0 or 1; 2 for a usage error).
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { PDFDocument } from '@cantoo/pdf-lib';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { TextItem } from 'pdfjs-dist/types/src/display/api';
import { canonicalJson } from '../shared/report/canonical-json';
import { signedReportContentSchema } from '../shared/report/model';
import { sealedContentFileName } from '../shared/report/pdf/sealed-attachment';
import { isMainModule } from './main-module';

export interface PdfVerification {
  readonly ok: boolean;
  /** What was checked and found, in French, one line each. */
  readonly lines: readonly string[];
}

const PRINTED_HASH = /Empreinte SHA-256(?: du contenu signé)?\s*:\s*([0-9a-f]{64})/g;

/** Every hash printed on the pages (footer and signature block), as pdf.js extracts the text. */
async function printedHashes(pdf: Uint8Array): Promise<string[]> {
  const doc = await getDocument({ data: pdf.slice(), isEvalSupported: false, verbosity: 0 })
    .promise;
  const hashes: string[] = [];
  for (let page = 1; page <= doc.numPages; page++) {
    const content = await (await doc.getPage(page)).getTextContent();
    const text = (content.items as TextItem[]).map((item) => item.str).join(' ');
    for (const match of text.matchAll(PRINTED_HASH)) hashes.push(match[1] ?? '');
  }
  await doc.destroy();
  return hashes;
}

export async function verifyReportPdf(pdf: Uint8Array): Promise<PdfVerification> {
  const problems: string[] = [];
  const facts: string[] = [];
  let doc: PDFDocument;
  try {
    doc = await PDFDocument.load(pdf, { updateMetadata: false });
  } catch (error) {
    return { ok: false, lines: [`Fichier PDF illisible : ${(error as Error).message}`] };
  }
  let attachments: ReturnType<PDFDocument['getAttachments']>;
  try {
    attachments = doc.getAttachments().filter((a) => a.name.endsWith('-contenu-signe.json'));
  } catch (error) {
    return { ok: false, lines: [`Fichier joint illisible : ${(error as Error).message}`] };
  }
  if (attachments.length !== 1) {
    return {
      ok: false,
      lines: [
        attachments.length === 0
          ? 'Aucun contenu signé joint à ce PDF : ce n’est pas un bordereau scellé (ou il a été retiré).'
          : 'Plusieurs contenus signés joints à ce PDF : document non conforme.',
      ],
    };
  }
  const [attachment] = attachments;
  if (!attachment) throw new Error('unreachable');
  const bytes = attachment.data;
  const hash = createHash('sha256').update(bytes).digest('hex');
  facts.push(`Contenu signé joint : « ${attachment.name} », ${bytes.byteLength} octets.`);
  facts.push(`Empreinte SHA-256 recalculée du contenu joint : ${hash}`);

  let printed: string[] = [];
  try {
    printed = await printedHashes(pdf);
  } catch (error) {
    problems.push(`Texte des pages illisible : ${(error as Error).message}`);
  }
  const distinct = [...new Set(printed)];
  if (printed.length === 0) problems.push('Aucune empreinte imprimée trouvée sur les pages.');
  else if (distinct.length > 1) {
    problems.push(`Les pages n’impriment pas toutes la même empreinte : ${distinct.join(', ')}.`);
  } else if (distinct[0] !== hash) {
    problems.push(
      `L’empreinte imprimée (${distinct[0] ?? ''}) ne correspond pas au contenu joint (${hash}) : ` +
        'le contenu joint ou le PDF a été modifié.',
    );
  } else {
    facts.push(`Empreinte imprimée sur les ${printed.length} emplacements : identique.`);
  }

  const text = new TextDecoder('utf-8', { fatal: false }).decode(bytes);
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    problems.push('Le contenu joint n’est pas du JSON valide.');
  }
  if (parsed !== undefined) {
    if (canonicalJson(parsed) !== text) {
      problems.push('Le contenu joint n’est pas écrit en JSON canonique.');
    }
    const content = signedReportContentSchema.safeParse(parsed);
    if (!content.success) {
      problems.push(
        `Le contenu joint n’est pas un bordereau signé valide : ${content.error.issues[0]?.message ?? ''}`,
      );
    } else {
      const expectedName = sealedContentFileName({ content: content.data });
      if (expectedName !== attachment.name) {
        problems.push(
          `Le nom du fichier joint (« ${attachment.name} ») ne correspond pas au bordereau qu’il contient (« ${expectedName} »).`,
        );
      }
      facts.unshift(
        `Bordereau ${content.data.number}, version ${content.data.version.number}, client ${content.data.client.name}.`,
      );
    }
  }
  if (problems.length > 0) return { ok: false, lines: [...facts, ...problems] };
  return {
    ok: true,
    lines: [
      ...facts,
      'OK : le contenu signé joint correspond à l’empreinte imprimée. Pour savoir si ce bordereau est ' +
        'celui que le prestataire a enregistré, comparez l’empreinte avec sa page de vérification (QR code).',
    ],
  };
}

if (isMainModule(process.argv[1], import.meta.url)) {
  const file = process.argv[2];
  if (!file) {
    console.error('Usage : npm run report:verify -- FICHIER.pdf');
    process.exit(2);
  }
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(readFileSync(file));
  } catch (error) {
    console.error(`Impossible de lire ${file} : ${(error as Error).message}`);
    process.exit(2);
  }
  const result = await verifyReportPdf(bytes);
  for (const line of result.lines) console.log(line);
  process.exit(result.ok ? 0 : 1);
}
