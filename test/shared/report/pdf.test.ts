import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { DraftReport, Report } from '../../../shared/report/model';
import { vatCentsFor } from '../../../shared/report/model';
import { MissingPhotosError } from '../../../shared/report/pdf/photo-annex';
import { renderBordereauPdf } from '../../../shared/report/pdf/render';
import { loadReportFonts } from '../../../server/delivery/report-fonts';
const fonts = loadReportFonts();
import { editReport, newVersionOf, sealReport } from '../../../shared/report/seal';
import {
  absentClientSignatures,
  SEALED_AT,
  sampleDraft,
  sampleSignatures,
  samplePhotoImages,
} from '../../fixtures/report/sample-report';

const dir = mkdtempSync(join(tmpdir(), 'bordereau-pdf-'));
let fileCount = 0;

/** The PDF's text as poppler's pdftotext extracts it (-layout keeps lines together). */
function pdfText(pdf: Uint8Array): string {
  const file = join(dir, `report-${fileCount++}.pdf`);
  writeFileSync(file, pdf);
  return execFileSync('pdftotext', ['-layout', '-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
}

function pages(text: string): string[] {
  return text.split('\f').filter((page) => page.trim() !== '');
}

/** Lines of `text` with runs of spaces collapsed, for matching phrases -layout spreads out. */
function squeezed(text: string): string {
  return text.replace(/[ \t]+/g, ' ');
}

function imageCount(pdf: Uint8Array): number {
  return (
    Buffer.from(pdf)
      .toString('latin1')
      .match(/\/Subtype \/Image/g) ?? []
  ).length;
}

async function sealedSample(signatures = sampleSignatures()): Promise<Report> {
  return sealReport(sampleDraft(), signatures, SEALED_AT);
}

describe('renderBordereauPdf', () => {
  it('prints every field of the signed sample, accents and € included, on 3 numbered pages', async () => {
    const report = await sealedSample();
    if (report.status !== 'sealed') throw new Error('sealed expected');
    const text = pdfText(await renderBordereauPdf(report, { fonts, photos: samplePhotoImages }));
    const all = squeezed(text);
    expect(pages(text)).toHaveLength(3);
    for (const page of [1, 2, 3]) expect(all).toContain(`Page ${page} / 3`);
    const expected = [
      // provider identity, number, date
      'Bordereau d’intervention',
      'N° BI-2026-JD-0042',
      'Date : 23/11/2026',
      'Arcelle Infogérance',
      'SAS au capital de 20 000 €',
      'SIRET : 812 345 676 00017',
      'N° TVA intracommunautaire : FR19812345676',
      // client, site, contract, representative
      'Cabinet Lefèvre & Associés (réf. C-0187)',
      'Site : Siège – Vincennes',
      '2ᵉ étage, 94300 Vincennes',
      '94300 Vincennes',
      'Contrat : INF-PME-2024-031 – Infogérance PME – 12 postes',
      'Représentant présent : Hélène Lefèvre, Gérante',
      // type, mode, urgency
      'Curative (dépannage)',
      'Sur site',
      'Urgente',
      'Ticket #4127',
      // timeline
      '23/11/2026 à 09:12',
      '23/11/2026 à 12:47',
      '10:30 – 10:45 (15 min)',
      '3 h 20',
      'Demi-journée (3 h 30)',
      'Horaires corrigés avant signature',
      '23/11/2026 à 09:25',
      'Minuteur démarré en retard',
      // equipment
      'CN7J8K3',
      'LEF-SRV-01',
      'Non couvert (facturé en sus)',
      'Non déclaré, découvert sur',
      // work, parts, result, recommendations
      'TRAVAUX RÉALISÉS',
      'Remplacement à chaud du disque défaillant',
      'Mise à jour Windows Server (redémarrage à planifier hors heures ouvrées) – non réalisé',
      'SSD Samsung PM893 960 Go',
      'MZ7L3960HCJR',
      'À poursuivre.',
      'Suite à donner : Planifier le redémarrage',
      'RECOMMANDATIONS',
      'prévoir son renouvellement',
      // backups
      'La responsabilité de la sauvegarde des données est celle que prévoit le contrat.',
      'Le client a confirmé disposer d’une sauvegarde avant l’intervention : oui.',
      // billing
      '228,00 €',
      'Total HT 401,00 €',
      'TVA 20 % 80,20 €',
      'Total TTC 481,20 €',
      // remarks, signatures, seal
      'Intervention rapide et bien expliquée.',
      'Hélène Lefèvre, Gérante',
      'Signé le 23/11/2026 à 12:51',
      'Julien Durand (JD)',
      // photo annex
      'ANNEXE – PHOTOS (2)',
      'Photo 1 – Baie serveur après remplacement du disque n° 3',
      'Photo 2 – Switch du 2ᵉ étage : cordons remplacés (ports 5 et 6)',
      'Prise le 23/11/2026 à 11:32',
    ];
    for (const phrase of expected) expect(all, phrase).toContain(phrase);
    // the hash and the provider's legal identity are in every page's footer
    for (const page of pages(text)) {
      expect(squeezed(page)).toContain(`Empreinte SHA-256 : ${report.seal.hash}`);
      expect(squeezed(page)).toContain('SIRET 812 345 676 00017 · TVA FR19812345676');
    }
    expect(all.replace(/\s+/g, ' ')).toContain(
      `Empreinte SHA-256 du contenu signé : ${report.seal.hash}`,
    );
    expect(all).not.toMatch(/\?/);
  });

  it('embeds the logo once, both signatures and the photos', async () => {
    const signed = await renderBordereauPdf(await sealedSample(), {
      fonts,
      photos: samplePhotoImages,
    });
    const absent = await renderBordereauPdf(await sealedSample(absentClientSignatures()), {
      fonts,
      photos: samplePhotoImages,
    });
    // PNGs with transparency add a soft-mask image each: only the difference is asserted exactly
    expect(imageCount(signed) - imageCount(absent)).toBeGreaterThanOrEqual(1);
    expect(imageCount(signed)).toBeGreaterThanOrEqual(5);
  });

  it('refuses to print a report whose photos it was not given, naming them in French', async () => {
    const sealed = await sealedSample();
    const onlyRack = new Map([...samplePhotoImages].slice(0, 1));
    await expect(renderBordereauPdf(sealed, { fonts })).rejects.toThrow(MissingPhotosError);
    await expect(renderBordereauPdf(sealed, { fonts, photos: onlyRack })).rejects.toThrow(
      'Photo absente de ce poste : n° 2 (Switch du 2ᵉ étage : cordons remplacés (ports 5 et 6)). Synchronisez puis réessayez.',
    );
    // The sealed content carries each photo's hash, not its bytes.
    expect(JSON.stringify(sealed.content).length).toBeLessThan(100_000);
    expect(sealed.content.photos.map((p) => p.sha256)).toEqual([...samplePhotoImages.keys()]);
  });

  it('dates the pauses of a visit that runs past midnight', async () => {
    const draft = sampleDraft();
    const night = Date.UTC(2026, 10, 23, 21, 0); // 22:00 in Paris
    const MIN = 60_000;
    const content = {
      ...draft.content,
      timeline: {
        ...draft.content.timeline,
        arrivalAt: night,
        departureAt: night + 230 * MIN,
        pauses: [{ startAt: night + 110 * MIN, endAt: night + 130 * MIN }],
        corrections: [],
        workedMinutes: 210,
        billedMinutes: 210,
      },
    };
    const text = squeezed(
      pdfText(
        await renderBordereauPdf({ ...draft, content }, { fonts, photos: samplePhotoImages }),
      ),
    );
    // The field wraps in its column: both ends carry their date.
    expect(text).toContain('23/11/2026 à 23:50 – 24/11/2026 à');
    expect(text).toContain('00:10 (20 min)');
    // A visit within one day keeps the short form.
    const sameDay = squeezed(
      pdfText(await renderBordereauPdf(draft, { fonts, photos: samplePhotoImages })),
    );
    expect(sameDay).toContain('10:30 – 10:45 (15 min)');
  });

  it('prints amounts over a thousand euros with French digit grouping', async () => {
    const draft = editReport(sampleDraft(), (c) => {
      const ht = 123_456;
      return {
        ...c,
        billing: {
          kind: 'billed',
          lines: [{ label: 'Migration de la messagerie (forfait)', htCents: ht }],
          totalHtCents: ht,
          vatRateBasisPoints: 2_000,
          vatCents: vatCentsFor(ht, 2_000),
          totalTtcCents: ht + vatCentsFor(ht, 2_000),
          hourBank: null,
        },
      };
    });
    const text = squeezed(
      pdfText(
        await renderBordereauPdf(await sealReport(draft, sampleSignatures(), SEALED_AT), {
          fonts,
          photos: samplePhotoImages,
        }),
      ),
    );
    expect(text).toContain('Total HT 1 234,56 €');
    expect(text).toContain('TVA 20 % 246,91 €');
    expect(text).toContain('Total TTC 1 481,47 €');
  });

  it('shows a report closed without the client as such, still signed by the technician', async () => {
    const report = await sealedSample(absentClientSignatures());
    const text = squeezed(
      pdfText(await renderBordereauPdf(report, { fonts, photos: samplePhotoImages })),
    );
    expect(text).toContain(
      'Clos sans signature du client (client absent) – voir la rubrique « Signatures ».',
    );
    expect(text).toContain('Client absent – bordereau non signé par le client');
    expect(text).toContain('Mme Lefèvre a dû partir à 12 h 30');
    expect(text).toContain('Constaté par le technicien le 23/11/2026 à 12:51');
    expect(text.match(/Signé le/g)).toHaveLength(1);
    expect(text).toContain('Julien Durand (JD)');
  });

  it('prints included visits, the hour bank, remote times and an interruption with its reason', async () => {
    const draft: DraftReport = editReport(sampleDraft(), (c) => ({
      ...c,
      intervention: { ...c.intervention, mode: 'remote', type: 'planned-visit', urgency: 'normal' },
      result: {
        status: 'interrupted',
        reason: 'power-or-internet-failure',
        detail: 'Coupure de la fibre du site à 11 h 40.',
      },
      billing: {
        kind: 'included',
        subscriptionLabel: 'Infogérance PME – 12 postes',
        visits: { used: 3, perYear: 12 },
        hourBank: { deductedMinutes: 210, balanceAfterMinutes: 750 },
      },
      photos: [],
    }));
    const text = squeezed(
      pdfText(
        await renderBordereauPdf(await sealReport(draft, sampleSignatures(), SEALED_AT), {
          fonts,
          photos: samplePhotoImages,
        }),
      ),
    );
    expect(text).toContain('Visite planifiée d’infogérance');
    expect(text).toContain('À distance');
    expect(text).toMatch(/Début\s/);
    expect(text).toContain('Interrompu – motif : Coupure d’électricité ou d’accès Internet.');
    expect(text).toContain(
      'Intervention incluse dans l’abonnement « Infogérance PME – 12 postes » : montant facturé 0,00 € HT.',
    );
    expect(text).toContain('Visite n° 3 sur 12 prévues au contrat pour l’année.');
    expect(text).toContain('12 h 30');
    expect(text).not.toContain('ANNEXE');
  });

  it('marks a draft as such and a new version as replacing the sealed one', async () => {
    const draftText = squeezed(
      pdfText(await renderBordereauPdf(sampleDraft(), { fonts, photos: samplePhotoImages })),
    );
    expect(draftText).toContain('Brouillon non signé du 23/11/2026 à 09:12');
    expect(draftText).toContain('Bordereau non encore signé.');
    expect(draftText).not.toContain('Empreinte SHA-256');

    const original = await sealedSample();
    if (original.status !== 'sealed') throw new Error('sealed expected');
    const next = newVersionOf(original, {
      id: '019ab0f3-0000-7000-8000-000000000001',
      now: SEALED_AT + 60_000,
    });
    const resealed = await sealReport(next, sampleSignatures(), SEALED_AT + 60_000);
    // the banner wraps: compare with line breaks folded into spaces
    const text = pdfText(
      await renderBordereauPdf(resealed, { fonts, photos: samplePhotoImages }),
    ).replace(/\s+/g, ' ');
    expect(text).toContain('N° BI-2026-JD-0042 – version 2');
    expect(text).toContain(
      `Version 2 : ce bordereau remplace le bordereau BI-2026-JD-0042 précédemment signé (empreinte SHA-256 ${original.seal.hash}).`,
    );
  });

  it('renders a sealed report to the same bytes every time', async () => {
    const report = await sealedSample();
    const first = await renderBordereauPdf(report, { fonts, photos: samplePhotoImages });
    const second = await renderBordereauPdf(await sealedSample(), {
      fonts,
      photos: samplePhotoImages,
    });
    expect(Buffer.from(second).equals(Buffer.from(first))).toBe(true);
    expect(Buffer.from(first.subarray(0, 5)).toString('latin1')).toBe('%PDF-');
    // The sealing instant in UTC, as in the XMP packet (PDF/A: the two must agree).
    expect(Buffer.from(first).toString('latin1')).toContain('/CreationDate (D:20261123115130Z)');
  });

  it('renders the same bytes whatever the machine’s time zone (laptop in Paris, server in UTC)', async () => {
    const report = await sealedSample();
    const saved = process.env.TZ;
    try {
      process.env.TZ = 'UTC';
      const utc = await renderBordereauPdf(report, { fonts, photos: samplePhotoImages });
      process.env.TZ = 'Pacific/Auckland';
      const auckland = await renderBordereauPdf(report, { fonts, photos: samplePhotoImages });
      expect(new Date(0).getTimezoneOffset()).not.toBe(0); // the zone change took effect
      expect(Buffer.from(auckland).equals(Buffer.from(utc))).toBe(true);
    } finally {
      process.env.TZ = saved;
    }
  });
});
