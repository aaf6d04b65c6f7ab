import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  nextQuoteNumber,
  quoteLadderEstimate,
  sealQuote,
  verifyQuoteSeal,
} from '../../../shared/billing/index';
import { renderQuotePdf } from '../../../shared/billing/quote-pdf';
import { loadReportFonts } from '../../../server/delivery/report-fonts';

const fonts = loadReportFonts();
import { sampleSignatures } from '../../fixtures/report/sample-report';
import { allance, paris } from './fixtures';

const at = paris('2026-11-23', '10:00');
const png = () => {
  const client = sampleSignatures().client;
  if (client.status !== 'signed') throw new Error('fixture');
  return client.imagePngDataUrl;
};
const content = (pricing: unknown) => ({
  id: '0192b3c4-0000-7000-8000-00000000d001',
  number: 'DV-2026-JD-0001',
  visitId: '0192b3c4-0000-7000-8000-00000000d002',
  issuedAt: at,
  clientName: 'Cabinet Lefèvre & Associés',
  siteName: 'Agence de Lyon',
  contractReference: 'INF-PME-2024-031',
  technician: { name: 'Julien Durand', code: 'JD' },
  mode: 'onsite',
  description: 'Dépannage de l’imprimante hors contrat (bac 2 bloqué).',
  estimatedMinutes: 45,
  pricing,
  vatRateBasisPoints: 2000,
});
const signature = {
  signerName: 'Hélène Lefèvre',
  role: 'Gérante',
  signedAt: at + 60_000,
  imagePngDataUrl: png(),
};

describe('the on-site quote (devis, 002 art. III.2 and IV.2.2)', () => {
  it('is numbered per technician and year, like a bordereau', () => {
    expect(nextQuoteNumber([], 'JD', at)).toBe('DV-2026-JD-0001');
    expect(
      nextQuoteNumber(['DV-2026-JD-0007', 'DV-2025-JD-0031', 'DV-2026-AB-0040'], 'JD', at),
    ).toBe('DV-2026-JD-0008');
  });

  it('002 art. IV.2.2: prices the estimated duration by the contract’s ladder, with its explanation', () => {
    const estimate = quoteLadderEstimate(allance(), 'onsite', 45, at);
    expect(estimate).toMatchObject({ billedMinutes: 120, estimateHtCents: 13000 });
    expect(estimate.detail).toContain('× 65,00');
  });

  it('is sealed by the SHA-256 of its content and signature; any change breaks the seal', async () => {
    const sealed = await sealQuote(
      content(quoteLadderEstimate(allance(), 'onsite', 45, at)),
      signature,
      at + 61_000,
    );
    expect(sealed.seal.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(await verifyQuoteSeal(sealed)).toBe(true);
    const tampered = {
      ...sealed,
      content: { ...sealed.content, estimatedMinutes: 30 },
    };
    expect(await verifyQuoteSeal(tampered)).toBe(false);
  });

  it('refuses a quote without description or duration, in French', async () => {
    await expect(
      sealQuote({ ...content({ kind: 'flat', priceCents: 9000 }), description: '' }, signature, at),
    ).rejects.toThrow('Décrivez la prestation complémentaire.');
    await expect(
      sealQuote(
        { ...content({ kind: 'flat', priceCents: 9000 }), estimatedMinutes: 0 },
        signature,
        at,
      ),
    ).rejects.toThrow('Indiquez la durée estimée.');
  });

  it('prints as its own PDF: number, work, duration, price, signatory and hash', async () => {
    const sealed = await sealQuote(content({ kind: 'flat', priceCents: 9000 }), signature, at);
    const dir = mkdtempSync(join(tmpdir(), 'quote-'));
    const file = join(dir, 'devis.pdf');
    writeFileSync(file, await renderQuotePdf(sealed, fonts));
    const text = execFileSync('pdftotext', ['-layout', '-enc', 'UTF-8', file, '-'], {
      encoding: 'utf8',
    }).replace(/[ \t]+/g, ' ');
    expect(text).toContain('DV-2026-JD-0001');
    expect(text).toContain('Dépannage de l’imprimante hors contrat');
    expect(text).toContain('Durée estimée : 45 min.');
    expect(text).toContain('Prix forfaitaire : 90,00 € HT.');
    expect(text).toContain('Bon pour accord — Hélène Lefèvre, Gérante');
    expect(text.replace(/\s/g, '')).toContain(sealed.seal.hash);
    // The bordereau's embedded Unicode font, never an unembedded standard one.
    const fontsListed = execFileSync('pdffonts', [file], { encoding: 'utf8' });
    expect(fontsListed).toContain('DejaVuSansCondensed');
    expect(fontsListed).not.toMatch(/Helvetica/);
    // PDF/A-3b like the bordereau (shared/report/pdf/pdf-a.ts; checked in depth there).
    const xmp = execFileSync('pdfinfo', ['-meta', file], { encoding: 'utf8' });
    expect(xmp).toContain('<pdfaid:part>3</pdfaid:part>');
    expect(xmp).toContain('<pdfaid:conformance>B</pdfaid:conformance>');
    expect(execFileSync('qpdf', ['--check', file], { encoding: 'utf8' })).toContain(
      'No syntax or stream encoding errors found',
    );
    // The same sealed quote renders byte for byte the same.
    expect(
      Buffer.from(await renderQuotePdf(sealed, fonts)).equals(
        Buffer.from(await renderQuotePdf(sealed, fonts)),
      ),
    ).toBe(true);
  });
});
