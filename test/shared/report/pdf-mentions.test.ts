import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { canonicalJson } from '../../../shared/report/canonical-json';
import type { DraftReport, SealedReport } from '../../../shared/report/model';
import { BACKUP_REMINDERS } from '../../../shared/report/pdf/section-backup';
import {
  clientCopyText,
  dataNoticeText,
  NOT_AN_INVOICE,
} from '../../../shared/report/pdf/section-notices';
import { attestationText, hashExplanation } from '../../../shared/report/pdf/section-signatures';
import { renderBordereauPdf } from '../../../shared/report/pdf/render';
import { editReport, sealReport } from '../../../shared/report/seal';
import { loadReportFonts } from '../../../server/delivery/report-fonts';
import {
  absentClientSignatures,
  ARRIVAL,
  completeDraft,
  SEALED_AT,
  sampleSignatures,
  samplePhotoImages,
} from '../../fixtures/report/sample-report';

const fonts = loadReportFonts();
const dir = mkdtempSync(join(tmpdir(), 'bordereau-mentions-'));
let fileCount = 0;

function save(pdf: Uint8Array): string {
  const file = join(dir, `report-${fileCount++}.pdf`);
  writeFileSync(file, pdf);
  return file;
}

/** pdftotext's text with every run of white space folded, so wrapped sentences match. */
function foldedText(pdf: Uint8Array): { text: string; pages: number; stderr: string } {
  const run = spawnSync('pdftotext', ['-enc', 'UTF-8', save(pdf), '-'], { encoding: 'utf8' });
  const pages = run.stdout.split('\f').filter((page) => page.trim() !== '').length;
  return { text: run.stdout.replace(/\s+/g, ' '), pages, stderr: run.stderr };
}

const fold = (text: string): string => text.replace(/\s+/g, ' ');

async function sealed(draft: DraftReport = completeDraft(), signatures = sampleSignatures()) {
  const report = await sealReport(draft, signatures, SEALED_AT);
  if (report.status !== 'sealed') throw new Error('sealed expected');
  return report;
}

const render = (report: SealedReport | DraftReport) =>
  renderBordereauPdf(report, {
    fonts,
    photos: samplePhotoImages,
    verifyBaseUrl: 'https://bureau.arcelle.fr',
  });

describe('the bordereau’s mentions (domain-rules.md §5)', () => {
  it('prints every mention a reader needs, and the characters exactly as typed', async () => {
    const report = await sealed();
    const { text, stderr } = foldedText(await render(report));
    const expected = [
      // provider legal mentions
      'Arcelle Infogérance',
      'SAS au capital de 20 000 €',
      'SIRET : 812 345 676 00017',
      'RCS Paris 812 345 676',
      'N° TVA intracommunautaire : FR19812345676',
      // client billing identity
      'SIRET : 732 829 320 00074',
      'Adresse de facturation : 12 rue de Fontenay, 94300 Vincennes',
      // contract and terms
      'Contrat : INF-PME-2024-031 – Infogérance PME – 12 postes',
      'Conditions générales : Conditions générales de service Arcelle Infogérance, version 2026-01',
      NOT_AN_INVOICE,
      attestationText(report),
      BACKUP_REMINDERS['provider-checks'],
      clientCopyText(report) ?? 'missing',
      dataNoticeText(report),
      hashExplanation(report),
      `Empreinte SHA-256 du contenu signé : ${report.seal.hash}`,
      'Vérification en ligne sans compte : code ci-contre.',
      // typed by the client, symbols included
      'Très bien → à refaire en 2027 ; cœur du réseau « OK » ; coût ≤ 500 € ; l’équipe.',
      'Bâtiment B, 2ᵉ étage',
    ];
    for (const phrase of expected) expect(text, phrase).toContain(fold(phrase));
    expect(text).toContain('Exemplaire du client (004 art. VI) : imprimé et remis sur place ;');
    expect(text).toContain('helene.lefevre@cabinet-lefevre.fr');
    expect(text).not.toContain('->');
    expect(text).not.toContain('?');
    expect(stderr).toBe('');
  });

  it('embeds its only font (subset, with a Unicode map) and passes qpdf’s structure check', async () => {
    const file = save(await render(await sealed()));
    const fontsTable = execFileSync('pdffonts', [file], { encoding: 'utf8' })
      .split('\n')
      .slice(2)
      .filter((line) => line.trim() !== '');
    expect(fontsTable.length).toBeGreaterThan(0);
    for (const line of fontsTable) {
      expect(line).toMatch(/^DejaVuSansCondensed\s+CID TrueType\s+Identity-H\s+yes\s+\S+\s+yes/);
    }
    const check = spawnSync('qpdf', ['--check', file], { encoding: 'utf8' });
    expect(check.status, check.stdout + check.stderr).toBe(0);
    expect(check.stdout).toContain('No syntax or stream encoding errors found');
  });

  it('attaches the signed content: its SHA-256 is the printed hash', async () => {
    const report = await sealed();
    const file = save(await render(report));
    expect(execFileSync('pdfdetach', ['-list', file], { encoding: 'utf8' })).toContain(
      '1: BI-2026-JD-0042-v1-contenu-signe.json',
    );
    const out = mkdtempSync(join(dir, 'detach-'));
    execFileSync('pdfdetach', ['-saveall', '-o', out, file]);
    const [attached] = readdirSync(out);
    const bytes = readFileSync(join(out, attached ?? ''));
    expect(createHash('sha256').update(bytes).digest('hex')).toBe(report.seal.hash);
    expect(bytes.toString('utf8')).toBe(canonicalJson(report.content));
  });

  it('does not print an absent client’s representative as present', async () => {
    const { text } = foldedText(
      await render(await sealed(completeDraft(), absentClientSignatures())),
    );
    expect(text).toContain(
      'Représentant du client : Hélène Lefèvre, Gérante – absent à la clôture, n’a pas signé',
    );
    expect(text).not.toContain('Représentant présent');
  });

  it('prints the seconds of a correction made within the same minute', async () => {
    const draft = editReport(completeDraft(), (c) => ({
      ...c,
      timeline: {
        ...c.timeline,
        corrections: [
          {
            event: 'start',
            originalAt: ARRIVAL + 40_000,
            correctedAt: ARRIVAL + 10_000,
            reason: 'Arrivée constatée avec la gérante.',
            recordedAt: ARRIVAL + 60_000,
          },
        ],
      },
    }));
    const { text } = foldedText(await render(draft));
    expect(text).toContain('23/11/2026 à 09:12:40');
    expect(text).toContain('23/11/2026 à 09:12:10');
  });

  it('keeps a short report on one page', async () => {
    const draft = editReport(completeDraft(), (c) => ({
      ...c,
      intervention: { ...c.intervention, request: 'Imprimante bloquée.' },
      timeline: { ...c.timeline, corrections: [] },
      equipment: [],
      parts: [],
      work: { description: 'Bourrage papier retiré, test d’impression réussi.', checklist: [] },
      result: { status: 'resolved' },
      recommendations: '',
      clientRemarks: '',
      billing: {
        kind: 'included',
        subscriptionLabel: 'Infogérance PME – 12 postes',
        visits: null,
        hourBank: null,
      },
      photos: [],
    }));
    const { pages, text } = foldedText(await render(await sealed(draft)));
    expect(text).toContain('Page 1 / 1');
    expect(pages).toBe(1);
  });
});
