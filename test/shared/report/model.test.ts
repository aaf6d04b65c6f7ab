import { describe, expect, it } from 'vitest';
import {
  billingSchema,
  clientSignatureSchema,
  imageDataUrlSchema,
  providerSchema,
  reportContentSchema,
  reportSchema,
  timelineSchema,
  vatCentsFor,
  versionSchema,
} from '../../../shared/report/model';
import { reportClosure, reportClosureLabel } from '../../../shared/report/status';
import { sealReport } from '../../../shared/report/seal';
import {
  absentClientSignatures,
  ARRIVAL,
  images,
  SEALED_AT,
  sampleDraft,
  sampleSignatures,
} from '../../fixtures/report/sample-report';

const MINUTE = 60_000;

function messages(result: {
  success: boolean;
  error?: { issues: Array<{ message: string }> };
}): string[] {
  return result.error?.issues.map((issue) => issue.message) ?? [];
}

describe('report model', () => {
  it('accepts the complete fixture', () => {
    expect(reportSchema.safeParse(sampleDraft()).success).toBe(true);
  });

  it('requires every field of the bordereau, with French messages', () => {
    const { content } = sampleDraft();
    const missing = { ...content, work: { ...content.work, description: '   ' } };
    expect(messages(reportContentSchema.safeParse(missing))).toContain(
      'Travaux réalisés : champ obligatoire.',
    );
    const { provider: _provider, ...withoutProvider } = content;
    expect(reportContentSchema.safeParse(withoutProvider).success).toBe(false);
    expect(
      messages(reportContentSchema.safeParse({ ...content, number: 'BI-26-JD-1' }))[0],
    ).toMatch(/Numéro de bordereau invalide/);
  });

  it('checks the provider’s SIRET key and that the VAT number names the same company', () => {
    const { provider } = sampleDraft().content;
    expect(providerSchema.safeParse(provider).success).toBe(true);
    expect(
      messages(providerSchema.safeParse({ ...provider, siret: '812 345 676 00018' })),
    ).toContain('SIRET invalide (14 chiffres, clé de contrôle).');
    expect(
      messages(providerSchema.safeParse({ ...provider, vatNumber: 'FR20812345676' })),
    ).toContain('Numéro de TVA intracommunautaire invalide.');
    // a valid VAT number of another company (SIREN 732 829 320, key 44)
    expect(
      messages(providerSchema.safeParse({ ...provider, vatNumber: 'FR44732829320' })),
    ).toContain('Le numéro de TVA ne correspond pas au SIREN du SIRET.');
  });

  it('keeps amounts in integer cents, minutes and ms in integers', () => {
    const { content } = sampleDraft();
    expect(reportContentSchema.safeParse({ ...content, issuedAt: ARRIVAL + 0.5 }).success).toBe(
      false,
    );
    const billing = content.billing;
    if (billing.kind !== 'billed') throw new Error('fixture is billed');
    const floatLine = {
      ...billing,
      lines: [{ ...billing.lines[0]!, htCents: 228.5 }, ...billing.lines.slice(1)],
    };
    expect(billingSchema.safeParse(floatLine).success).toBe(false);
  });

  it('refuses totals that do not add up (HT = Σ lines, TVA rounded half-up, TTC = HT + TVA)', () => {
    const billing = sampleDraft().content.billing;
    if (billing.kind !== 'billed') throw new Error('fixture is billed');
    expect(vatCentsFor(22_800, 2_000)).toBe(4_560);
    expect(vatCentsFor(1_003, 550)).toBe(55); // 55.165 → 55
    expect(vatCentsFor(1_010, 550)).toBe(56); // 55.55 → 56
    expect(vatCentsFor(1_000, 2_025)).toBe(203); // 202.5 → 203 (half-up)
    expect(
      messages(billingSchema.safeParse({ ...billing, totalHtCents: billing.totalHtCents + 1 })),
    ).toContain('Le total HT n’est pas la somme des lignes.');
    expect(
      messages(
        billingSchema.safeParse({
          ...billing,
          vatCents: billing.vatCents + 1,
          totalTtcCents: billing.totalTtcCents + 1,
        }),
      ),
    ).toContain('Montant de TVA incohérent avec le taux.');
    expect(
      messages(billingSchema.safeParse({ ...billing, totalTtcCents: billing.totalTtcCents - 1 })),
    ).toContain('Le total TTC doit valoir HT + TVA.');
    expect(
      billingSchema.safeParse({
        kind: 'included',
        subscriptionLabel: 'Infogérance',
        visits: { used: 3, perYear: 12 },
        hourBank: null,
      }).success,
    ).toBe(true);
  });

  it('checks the timeline: departure after arrival, pauses inside, worked minutes consistent', () => {
    const { timeline } = sampleDraft().content;
    expect(timelineSchema.safeParse(timeline).success).toBe(true);
    expect(
      messages(timelineSchema.safeParse({ ...timeline, departureAt: timeline.arrivalAt - 1 })),
    ).toContain('Le départ précède l’arrivée.');
    const outside = {
      ...timeline,
      pauses: [{ startAt: timeline.departureAt - MINUTE, endAt: timeline.departureAt + MINUTE }],
    };
    expect(timelineSchema.safeParse(outside).success).toBe(false);
    // 215 min on site − 15 min pause = 200 min; a 59-second remainder does not count
    expect(
      timelineSchema.safeParse({ ...timeline, departureAt: timeline.departureAt + 59_000 }).success,
    ).toBe(true);
    expect(
      timelineSchema.safeParse({ ...timeline, departureAt: timeline.departureAt + MINUTE }).success,
    ).toBe(false);
  });

  it('requires the discovery date exactly for newly discovered equipment', () => {
    const { content } = sampleDraft();
    const undated = content.equipment.map((e) =>
      e.newlyDiscovered ? { ...e, discoveredAt: null } : e,
    );
    expect(reportContentSchema.safeParse({ ...content, equipment: undated }).success).toBe(false);
  });

  it('accepts photos as PNG or JPEG data URLs only', () => {
    expect(imageDataUrlSchema.safeParse(images.photoRack).success).toBe(true);
    expect(imageDataUrlSchema.safeParse(images.logo).success).toBe(true);
    expect(imageDataUrlSchema.safeParse('data:image/gif;base64,R0lGODlhAQABAAAAACw=').success).toBe(
      false,
    );
    expect(imageDataUrlSchema.safeParse('data:image/png;base64,/9j/AAAA').success).toBe(false);
    expect(imageDataUrlSchema.safeParse('https://example.com/photo.jpg').success).toBe(false);
  });

  it('ties versions to the sealed report they replace', () => {
    expect(versionSchema.safeParse({ number: 1, supersedes: null }).success).toBe(true);
    expect(versionSchema.safeParse({ number: 2, supersedes: null }).success).toBe(false);
    const supersedes = { reportId: 'x', number: 'BI-2026-JD-0042', sealHash: 'a'.repeat(64) };
    expect(versionSchema.safeParse({ number: 2, supersedes }).success).toBe(true);
    expect(
      versionSchema.safeParse({
        number: 2,
        supersedes: { ...supersedes, sealHash: 'A'.repeat(64) },
      }).success,
    ).toBe(false);
  });

  it('records a client who is absent or refuses, with the circumstances', () => {
    expect(
      clientSignatureSchema.safeParse({
        status: 'not-signed',
        reason: 'refused',
        note: 'Conteste la durée.',
        recordedAt: ARRIVAL,
      }).success,
    ).toBe(true);
    expect(
      clientSignatureSchema.safeParse({
        status: 'not-signed',
        reason: 'absent',
        note: '',
        recordedAt: ARRIVAL,
      }).success,
    ).toBe(false);
    expect(
      clientSignatureSchema.safeParse({
        status: 'not-signed',
        reason: 'busy',
        note: 'x',
        recordedAt: ARRIVAL,
      }).success,
    ).toBe(false);
  });

  it('names a report’s closure so an unsigned one never passes for signed', async () => {
    const draft = sampleDraft();
    expect(reportClosure(draft)).toBe('draft');
    const signed = await sealReport(draft, sampleSignatures(), SEALED_AT);
    expect(reportClosure(signed)).toBe('signed');
    const absent = await sealReport(draft, absentClientSignatures(), SEALED_AT);
    expect(reportClosure(absent)).toBe('client-absent');
    expect(reportClosureLabel(absent)).toBe('Clos sans signature du client (client absent)');
    const refused = await sealReport(
      draft,
      {
        ...absentClientSignatures(),
        client: {
          status: 'not-signed',
          reason: 'refused',
          note: 'Refus.',
          recordedAt: SEALED_AT - 1,
        },
      },
      SEALED_AT,
    );
    expect(reportClosureLabel(refused)).toBe(
      'Clos sans signature du client (signature refusée par le client)',
    );
  });
});
