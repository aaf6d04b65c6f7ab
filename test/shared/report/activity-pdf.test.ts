import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { activitySummary } from '../../../shared/report/activity/activity-summary';
import { renderActivityPdf } from '../../../shared/report/activity/activity-pdf';
import type { ReportContent, SealedReport } from '../../../shared/report/model';
import { editReport, newVersionOf, sealReport } from '../../../shared/report/seal';
import { loadReportFonts } from '../../../server/delivery/report-fonts';
import {
  completeDraft,
  SEALED_AT,
  sampleDraft,
  sampleSignatures,
} from '../../fixtures/report/sample-report';

const DAY = 24 * 60 * 60_000;

/** The sample's whole timeline moved by `days` (signatures and seal with it). */
function shifted(content: ReportContent, days: number): ReportContent {
  const d = days * DAY;
  const t = content.timeline;
  return {
    ...content,
    issuedAt: content.issuedAt + d,
    timeline: {
      ...t,
      arrivalAt: t.arrivalAt + d,
      departureAt: t.departureAt + d,
      pauses: t.pauses.map((p) => ({ startAt: p.startAt + d, endAt: p.endAt + d })),
      corrections: t.corrections.map((c) => ({
        ...c,
        originalAt: c.originalAt + d,
        correctedAt: c.correctedAt + d,
        recordedAt: c.recordedAt + d,
      })),
    },
  };
}

async function sealedOn(content: ReportContent, days: number): Promise<SealedReport> {
  const draft = editReport({ status: 'draft', content }, (c) => shifted(c, days));
  const signatures = sampleSignatures();
  signatures.technician.signedAt += days * DAY;
  if (signatures.client.status === 'signed') signatures.client.signedAt += days * DAY;
  const sealed = await sealReport(draft, signatures, SEALED_AT + days * DAY);
  if (sealed.status !== 'sealed') throw new Error('sealed expected');
  return sealed;
}

function text(pdf: Uint8Array): string {
  const file = join(mkdtempSync(join(tmpdir(), 'bordereau-activity-')), 'activity.pdf');
  writeFileSync(file, pdf);
  const run = spawnSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
  expect(run.stderr).toBe('');
  return run.stdout.replace(/\s+/g, ' ');
}

describe('the activity report for a client and a month', () => {
  it('lists the month’s interventions (latest versions), their times, amounts, quota and discoveries', async () => {
    // 23/11: the sample, billed, answered late (due 4 h ouvrées after a call on 20/11),
    // later corrected (version 2 replaces it)
    const sample = completeDraft().content;
    const november = await sealedOn(
      {
        ...sample,
        billing: {
          ...sample.billing,
          sla: {
            requestedAt: Date.UTC(2026, 10, 20, 13, 0),
            workingMinutes: 240,
            deadlineAt: Date.UTC(2026, 10, 20, 17, 0),
            met: false,
          },
        },
      },
      0,
    );
    const corrected = newVersionOf(november, {
      id: '019ab0f3-0000-7000-8000-000000000002',
      now: november.seal.sealedAt + 60_000,
    });
    const v2 = await sealReport(corrected, sampleSignatures(), SEALED_AT + 60_000);
    if (v2.status !== 'sealed') throw new Error('sealed expected');
    // 05/11: a remote planned visit included in the subscription, on the hour bank
    const included = await sealedOn(
      {
        ...sampleDraft().content,
        id: '019ab0f3-0000-7000-8000-000000000003',
        number: 'BI-2026-JD-0040',
        intervention: {
          ...sampleDraft().content.intervention,
          mode: 'remote',
          type: 'planned-visit',
        },
        equipment: [],
        billing: {
          kind: 'included',
          subscriptionLabel: 'Infogérance PME – 12 postes',
          visits: { used: 9, perYear: 12 },
          hourBank: { deductedMinutes: 200, balanceAfterMinutes: 1_000 },
          sla: {
            requestedAt: Date.UTC(2026, 10, 5, 8, 0),
            workingMinutes: 480,
            deadlineAt: Date.UTC(2026, 10, 5, 16, 0),
            met: true,
          },
        },
      },
      -18,
    );
    // 28/10: outside the month
    const october = await sealedOn(
      {
        ...sampleDraft().content,
        id: '019ab0f3-0000-7000-8000-000000000004',
        number: 'BI-2026-JD-0039',
      },
      -26,
    );

    const summary = activitySummary({
      clientName: 'Cabinet Lefèvre & Associés',
      from: '2026-11-01',
      to: '2026-11-30',
      reports: [october, november, included, v2],
    });
    expect(summary.lines.map((l) => [l.number, l.version, l.sla?.met])).toEqual([
      ['BI-2026-JD-0040', 1, true],
      ['BI-2026-JD-0042', 2, false],
    ]);
    expect([summary.totals.slaMet, summary.totals.slaMissed]).toEqual([1, 1]);
    const pdf = await renderActivityPdf({
      summary,
      provider: november.content.provider,
      fonts: loadReportFonts(),
      generatedAt: Date.UTC(2026, 11, 1, 8, 0),
    });
    const all = text(pdf);
    // PDF/A-3b like the bordereau (shared/report/pdf/pdf-a.ts; checked in depth there).
    const pdfText = Buffer.from(pdf).toString('latin1');
    expect(pdfText.startsWith('%PDF-1.7\n')).toBe(true);
    expect(pdfText).toContain('<pdfaid:part>3</pdfaid:part>');
    expect(pdfText).toContain('<pdfaid:conformance>B</pdfaid:conformance>');
    expect(pdfText).toContain('/S /GTS_PDFA1');
    for (const phrase of [
      'Rapport d’activité – Cabinet Lefèvre & Associés',
      'du 01/11/2026 au 30/11/2026',
      'BI-2026-JD-0040',
      '05/11/2026',
      'Visite planifiée d’infogérance – À distance',
      'Inclus',
      'BI-2026-JD-0042 (v2)',
      '23/11/2026',
      'Curative (dépannage) – Sur site – urgente',
      '401,00 €',
      'Temps travaillé 6 h 40',
      'Total facturé HT 401,00 €',
      '9 sur 12 prévues au contrat',
      'Banque d’heures : consommé sur la période 3 h 20',
      'Banque d’heures : solde 16 h 40',
      'Imprimante Brother HL-L6210DW (2ᵉ étage) (bordereau BI-2026-JD-0042, 23/11/2026)',
      'DÉLAIS D’INTERVENTION',
      'Délai respecté pour 1 demande sur 2 ; dépassé pour 1.',
      'BI-2026-JD-0042 : demande du 20/11/2026 à 14:00, délai de 4 h ouvrées échu le 20/11/2026 à 18:00, arrivée le 23/11/2026',
      'Respecté',
      'Dépassé',
      'Il ne constitue pas une facture.',
      'Page 1 / 1',
    ]) {
      expect(all, phrase).toContain(phrase);
    }
    // pdftotext may glue a short right-aligned cell ("7 h" read "7h")
    expect(all).toMatch(/Temps facturé 7 ?h Total/);
    expect(all).not.toContain('BI-2026-JD-0039');
    expect(all).not.toContain('BI-2026-JD-0042 (v1)');
  });
});
