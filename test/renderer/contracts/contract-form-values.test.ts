import { describe, expect, it } from 'vitest';
import { contractSchema, contractWarnings } from '../../../shared/billing/index';
import {
  contractFormSchema,
  contractFormValues,
  contractFromForm,
  withPreset,
} from '../../../renderer/features/contracts/contract-form-values';

const stored = contractSchema.parse({
  id: 'c-1',
  clientId: 'k-1',
  reference: 'CT-2025-007',
  label: 'Infogérance PME',
  startsOn: '2025-03-15',
  renewsOn: '2027-03-15',
  hourlyRateCents: 6550,
  remoteHourlyRateCents: 5500,
  halfDayPriceCents: 21000,
  dayPriceCents: 42000,
  toleranceMinutes: 10,
  holidayRegion: 'alsace-moselle',
  outsideHoursSurchargePercent: 50,
  travel: {
    zone: { departements: ['75', '2A'], postcodes: ['78000'] },
    fee: { kind: 'per-km', centsPerKm: 45 },
    mealCents: 1950,
    lodgingNightCents: 9500,
    expensesOutsideZoneOnly: false,
  },
  flatTasks: [{ code: 'AD', label: 'Compte AD', priceCents: 4500 }],
  hourBank: { unit: 'days', quantity: 5, startsOn: '2026-01-01', endsOn: '2026-12-31' },
  subscriptionVisitsPerYear: 4,
  vatRates: [
    { from: '2014-01-01', basisPoints: 2000 },
    { from: '2027-01-01', basisPoints: 2100 },
  ],
  syntec: {
    index: '296,1',
    revisedOn: '2026-03-15',
    when: 'january-1',
    history: [{ on: '2026-03-15', s0: '290', s1: '296,1', fromCents: 44000, toCents: 44925 }],
  },
  sla: { serverNetworkMinutes: 180, workstationMinutes: 420 },
  roundTimeUpToEuro: true,
  coverage: { subscriptionPriceCents: 44925, perDeviceFeeCents: 3000, ageSurcharge: true },
  articles: { ladder: '002 art. IV.2.2' },
  copyRecipientContactIds: ['contact-it', 'contact-dg'],
});

describe('the contract screen’s values', () => {
  it('a stored contract goes through the screen unchanged: every field kept, shown or not', () => {
    const values = contractFormSchema.parse(contractFormValues(stored));
    const saved = contractSchema.parse(
      contractFromForm(values, stored, { clientId: stored.clientId, articles: stored.articles }),
    );
    expect(saved).toEqual(stored);
  });

  it('the 002 preset sets its clauses (art. IV.2.2 zone and rounding, art. III-1 incidents) and the checks ask for the travel price', () => {
    const values = withPreset(
      {
        ...contractFormValues(null),
        reference: 'CT-1',
        startsOn: '2026-01-01',
        hourlyRate: '65',
      },
      'infogerance',
    );
    expect(values).toMatchObject({
      departements: '75, 77, 92, 93, 94, 95',
      travelFeeKind: 'flat',
      roundTimeUpToEuro: true,
      incidentsIncluded: true,
      syntecRounding: 'euro-up',
    });
    // The preset leaves the out-of-zone price at 0 €: the consistency check says so.
    const asIs = contractSchema.parse({
      id: 'new',
      ...contractFromForm(contractFormSchema.parse(values), null, {
        clientId: 'k',
        articles: undefined,
      }),
    });
    expect(contractWarnings(asIs).map((w) => w.message)).toEqual([
      'Le forfait de déplacement hors zone est à 0 € : indiquez son montant.',
    ]);
    // An empty price is refused in French.
    const refused = contractFormSchema.safeParse({ ...values, travelFee: '' });
    expect(refused.error?.issues.map((i) => i.message)).toEqual([
      'Indiquez le prix du déplacement hors zone.',
    ]);
    const ok = contractFormSchema.parse({ ...values, travelFee: '0,45', travelFeeKind: 'per-km' });
    const contract = contractSchema.parse({
      id: 'new',
      ...contractFromForm(ok, null, { clientId: 'k', articles: undefined }),
    });
    expect(contract.travel.fee).toEqual({ kind: 'per-km', centsPerKm: 45 });
    expect(contractWarnings(contract)).toEqual([]);
  });

  it('the 004 preset counts four visits a year, no rounding, travel included', () => {
    const values = withPreset(contractFormValues(null), 'maintenance');
    expect(values).toMatchObject({
      visitsPerYear: '4',
      roundTimeUpToEuro: false,
      travelFeeKind: 'included',
      ageSurcharge: true,
      syntecWhen: 'january-1',
    });
  });

  it('the contacts chosen for the client’s copies (004 art. VI) are saved, a preset keeps them, more than 20 are refused in French', () => {
    const values = contractFormValues(stored);
    expect(values.copyRecipientContactIds).toEqual(['contact-it', 'contact-dg']);
    const chosen = { ...values, copyRecipientContactIds: ['contact-compta'] };
    const saved = contractSchema.parse(
      contractFromForm(contractFormSchema.parse(chosen), stored, {
        clientId: stored.clientId,
        articles: stored.articles,
      }),
    );
    expect(saved.copyRecipientContactIds).toEqual(['contact-compta']);
    // None chosen: none stored, not the stored contract's list.
    const none = contractFromForm(
      contractFormSchema.parse({ ...values, copyRecipientContactIds: [] }),
      stored,
      { clientId: stored.clientId, articles: stored.articles },
    );
    expect(none.copyRecipientContactIds).toEqual([]);
    expect(withPreset(chosen, 'maintenance').copyRecipientContactIds).toEqual(['contact-compta']);
    // A new contract starts with nobody chosen.
    expect(contractFormValues(null).copyRecipientContactIds).toEqual([]);
    const tooMany = contractFormSchema.safeParse({
      ...values,
      copyRecipientContactIds: Array.from({ length: 21 }, (_, i) => `contact-${i}`),
    });
    expect(tooMany.error?.issues.map((i) => i.message)).toEqual([
      'Au plus 20 contacts destinataires des exemplaires du client.',
    ]);
  });

  it('the time-and-materials preset includes no incident', () => {
    expect(withPreset(contractFormValues(null), 'regie').incidentsIncluded).toBe(false);
  });
});
