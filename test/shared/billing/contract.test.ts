import { describe, expect, it } from 'vitest';
import { contractSchema } from '../../../shared/billing/index';

const minimal = {
  id: 'c1',
  clientId: 'k1',
  reference: 'CT-1',
  startsOn: '2026-01-01',
  hourlyRateCents: 6500,
};

describe('contractSchema', () => {
  it('fills every default and stays JSON-serialisable', () => {
    const c = contractSchema.parse(minimal);
    expect(c).toMatchObject({
      renewsOn: null,
      noticeMonths: 3,
      remoteHourlyRateCents: null,
      halfDayPriceCents: null,
      dayPriceCents: null,
      toleranceMinutes: 0,
      holidayRegion: 'metropole',
      outsideHoursSurchargePercent: null,
      travel: {
        zone: { departements: [], postcodes: [] },
        fee: { kind: 'included' },
        mealCents: null,
        lodgingNightCents: null,
        expensesOutsideZoneOnly: true,
      },
      flatTasks: [],
      hourBank: null,
      subscriptionVisitsPerYear: null,
      vatRates: [{ from: '2014-01-01', basisPoints: 2000 }],
      syntec: null,
      sla: { serverNetworkMinutes: 240, workstationMinutes: 480 },
    });
    expect(c.openingHours.monday).toEqual([{ from: '09:00', to: '18:00' }]);
    expect(c.openingHours.saturday).toEqual([]);
    expect(contractSchema.parse(JSON.parse(JSON.stringify(c)))).toEqual(c);
  });

  it('gives each contract its own default schedule', () => {
    const a = contractSchema.parse(minimal);
    const b = contractSchema.parse(minimal);
    expect(a.openingHours).not.toBe(b.openingHours);
  });

  it.each([
    ['a float rate', { hourlyRateCents: 65.5 }],
    ['a negative rate', { hourlyRateCents: -1 }],
    ['a bad date', { startsOn: '2026-02-30' }],
    ['a tolerance of 90 min', { toleranceMinutes: 90 }],
    ['an unknown département', { travel: { zone: { departements: ['96'] } } }],
    ['a bad postcode', { travel: { zone: { postcodes: ['7501'] } } }],
    [
      'an opening range backwards',
      {
        openingHours: {
          monday: [{ from: '18:00', to: '09:00' }],
          tuesday: [],
          wednesday: [],
          thursday: [],
          friday: [],
          saturday: [],
          sunday: [],
        },
      },
    ],
    [
      'overlapping opening ranges',
      {
        openingHours: {
          monday: [
            { from: '09:00', to: '13:00' },
            { from: '12:00', to: '18:00' },
          ],
          tuesday: [],
          wednesday: [],
          thursday: [],
          friday: [],
          saturday: [],
          sunday: [],
        },
      },
    ],
    [
      'two flat tasks with one code',
      {
        flatTasks: [
          { code: 'A', label: 'x', priceCents: 1 },
          { code: 'A', label: 'y', priceCents: 2 },
        ],
      },
    ],
    ['no VAT rate', { vatRates: [] }],
    ['a SYNTEC index that is not a number', { syntec: { index: 'abc', revisedOn: '2026-01-01' } }],
    ['an empty reference', { reference: '  ' }],
  ])('rejects %s', (_name, patch) => {
    expect(contractSchema.safeParse({ ...minimal, ...patch }).success).toBe(false);
  });

  it('speaks French to the user', () => {
    const result = contractSchema.safeParse({ ...minimal, hourlyRateCents: 65.5 });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toBe('Montant en centimes entiers attendu.');
  });

  it('accepts Corsica, overseas départements and a 24:00 closing', () => {
    const c = contractSchema.parse({
      ...minimal,
      travel: { zone: { departements: ['2A', '2B', '971'] } },
      openingHours: {
        monday: [{ from: '00:00', to: '24:00' }],
        tuesday: [],
        wednesday: [],
        thursday: [],
        friday: [],
        saturday: [],
        sunday: [],
      },
    });
    expect(c.travel.zone.departements).toEqual(['2A', '2B', '971']);
  });
});

describe('contracts stored by the previous version (migration)', () => {
  // A contract as the previous version stored it: every field it knew, none of the new ones.
  const stored = {
    id: 'c-old',
    clientId: 'k1',
    reference: 'CT-2025-007',
    label: 'Infogérance PME – 12 postes',
    startsOn: '2025-03-15',
    renewsOn: '2027-03-15',
    noticeMonths: 3,
    hourlyRateCents: 6500,
    remoteHourlyRateCents: 5500,
    halfDayPriceCents: 21000,
    dayPriceCents: 42000,
    toleranceMinutes: 10,
    openingHours: {
      monday: [{ from: '08:30', to: '12:00' }],
      tuesday: [],
      wednesday: [],
      thursday: [],
      friday: [],
      saturday: [],
      sunday: [],
    },
    holidayRegion: 'alsace-moselle',
    outsideHoursSurchargePercent: 50,
    travel: {
      zone: { departements: ['75', '92'], postcodes: ['78000'] },
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
    syntec: { index: '296,1', revisedOn: '2026-03-15' },
    sla: { serverNetworkMinutes: 180, workstationMinutes: 420 },
  };

  it('opens with every stored field intact, the new settings at their defaults', () => {
    const parsed = contractSchema.parse(JSON.parse(JSON.stringify(stored)));
    const { syntec, ...rest } = stored;
    expect(parsed).toMatchObject(rest);
    expect(parsed.syntec).toMatchObject(syntec);
    expect(parsed.syntec).toMatchObject({
      target: 'subscription',
      when: 'anniversary',
      base: 'chained',
      rounding: 'cent',
      history: [],
    });
    expect(parsed.roundTimeUpToEuro).toBe(false);
    expect(parsed.coverage).toEqual({
      incidentsIncluded: true,
      beyondQuota: 'bill',
      subscriptionPriceCents: null,
      subscriptionPeriod: 'month',
      perDeviceFeeCents: null,
      ageSurcharge: false,
    });
    // Saved again and re-read: nothing moves.
    expect(contractSchema.parse(JSON.parse(JSON.stringify(parsed)))).toEqual(parsed);
  });
});
