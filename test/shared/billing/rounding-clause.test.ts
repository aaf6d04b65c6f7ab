import { describe, expect, it } from 'vitest';
import {
  contractPreset,
  contractSchema,
  contractWarnings,
  roundingSettingMissing,
} from '../../../shared/billing/index';

/** A contract as the version before the rounding setting stored it: no clause, no articles. */
const legacy = {
  id: 'c-legacy',
  clientId: 'k',
  reference: 'CT-2025-003',
  label: 'Infogérance',
  startsOn: '2025-01-01',
  renewsOn: null,
  noticeMonths: 3,
  hourlyRateCents: 6500,
  remoteHourlyRateCents: null,
  halfDayPriceCents: null,
  dayPriceCents: null,
  toleranceMinutes: 0,
  travel: {
    zone: { departements: ['75', '92'], postcodes: [] },
    fee: { kind: 'per-km', centsPerKm: 45 },
    mealCents: 1950,
    lodgingNightCents: null,
    expensesOutsideZoneOnly: true,
  },
  subscriptionVisitsPerYear: 4,
  revision: 7,
  updatedAt: 1_700_000_000_000,
};

const messages = (options: Parameters<typeof contractWarnings>[1], over = {}) =>
  contractWarnings(contractSchema.parse({ ...legacy, ...over }), options)
    .filter((w) => w.field === 'roundTimeUpToEuro')
    .map((w) => w.message);

describe('existing contracts and the rounding clause (002 art. IV.2.2, ALLANCE only)', () => {
  it('a contract stored before the setting opens with every field intact and the rounding off', () => {
    const parsed = contractSchema.parse(legacy);
    expect(parsed).toMatchObject({
      reference: 'CT-2025-003',
      hourlyRateCents: 6500,
      travel: { zone: { departements: ['75', '92'] }, fee: { kind: 'per-km', centsPerKm: 45 } },
      subscriptionVisitsPerYear: 4,
      roundTimeUpToEuro: false,
    });
    expect(roundingSettingMissing(legacy)).toBe(true);
  });

  it('002 art. IV.2.2: the screen asks the office to confirm the clause until the setting is stored', () => {
    expect(messages({ roundingSettingMissing: roundingSettingMissing(legacy) })).toEqual([
      expect.stringContaining('002 art. IV.2.2'),
    ]);
    // Saved once (true or false): the question is answered.
    const saved = contractSchema.parse({ ...legacy, roundTimeUpToEuro: false });
    expect(roundingSettingMissing(saved)).toBe(false);
    expect(roundingSettingMissing(null)).toBe(false);
    expect(messages({ roundingSettingMissing: roundingSettingMissing(saved) })).toEqual([]);
  });

  it('a contract citing the rounding article with the rounding off is flagged; the presets are consistent', () => {
    expect(messages({}, { articles: { rounding: '002 art. IV.2.2' } })).toEqual([
      expect.stringContaining('cite une clause d’arrondi (002 art. IV.2.2)'),
    ]);
    expect(
      messages({}, { articles: { rounding: '002 art. IV.2.2' }, roundTimeUpToEuro: true }),
    ).toEqual([]);
    for (const kind of ['infogerance', 'maintenance', 'regie'] as const) {
      expect(messages({}, contractPreset(kind))).toEqual([]);
    }
  });
});
