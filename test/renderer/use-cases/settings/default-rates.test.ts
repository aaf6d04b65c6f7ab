import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { FALLBACK_DEFAULT_RATES } from '../../../../shared/billing/default-contract';
import type { BordereauDb } from '../../../../renderer/db/database';
import {
  defaultRatesFormValues,
  defaultRatesFromForm,
} from '../../../../renderer/features/settings/default-rates-form';
import {
  getDefaultRates,
  hasDefaultRates,
  saveDefaultRates,
} from '../../../../renderer/use-cases/settings/default-rates';
import { freshDb } from '../../db/fresh-db';

let db: BordereauDb;
afterEach(() => db?.close());

describe('Tarifs par défaut', () => {
  it('falls back to 80 €/h until saved, then keeps what the office saved', async () => {
    db = freshDb();
    expect(await getDefaultRates(db)).toEqual(FALLBACK_DEFAULT_RATES);
    expect(await hasDefaultRates(db)).toBe(false);
    const form = { ...defaultRatesFormValues(FALLBACK_DEFAULT_RATES), hourlyRate: '92,50' };
    const parsed = defaultRatesFromForm({
      ...form,
      halfDayPrice: '300',
      travelFeeKind: 'flat',
      travelFee: '35',
      toleranceMinutes: 10,
    });
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    await saveDefaultRates(db, parsed.rates);
    const stored = await getDefaultRates(db);
    expect(stored).toMatchObject({
      hourlyRateCents: 9250,
      halfDayPriceCents: 30000,
      dayPriceCents: null,
      toleranceMinutes: 10,
      travelFee: { kind: 'flat', amountCents: 3500 },
    });
    expect(await hasDefaultRates(db)).toBe(true);
    // The form shows back what was saved.
    expect(defaultRatesFormValues(stored)).toMatchObject({
      hourlyRate: '92,50',
      halfDayPrice: '300',
      travelFee: '35',
    });
  });

  it('answers with the contract screen’s French messages', () => {
    const values = defaultRatesFormValues(FALLBACK_DEFAULT_RATES);
    const parsed = defaultRatesFromForm({
      ...values,
      hourlyRate: 'abc',
      travelFeeKind: 'flat',
      travelFee: '',
    });
    expect(parsed).toEqual({
      ok: false,
      errors: {
        hourlyRate: 'Montant en euros attendu (ex. 65 ou 65,50).',
        travelFee: 'Indiquez le prix du déplacement hors zone.',
      },
    });
  });

  it('never stores invalid rates', async () => {
    db = freshDb();
    await expect(saveDefaultRates(db, { hourlyRateCents: 1.5 })).rejects.toThrow();
    expect(await hasDefaultRates(db)).toBe(false);
  });
});
