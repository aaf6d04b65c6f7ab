import { describe, expect, it } from 'vitest';
import { isValidFrenchVatNumber, isValidSiret, sirenOf } from '../../../shared/report/company-ids';

describe('French company identifiers', () => {
  it('checks the SIRET Luhn key, spaces allowed', () => {
    expect(isValidSiret('73282932000074')).toBe(true);
    expect(isValidSiret('732 829 320 00074')).toBe(true);
    expect(isValidSiret('73282932000075')).toBe(false);
    expect(isValidSiret('7328293200007')).toBe(false);
    expect(isValidSiret('7328293200007A')).toBe(false);
  });

  it('accepts La Poste’s establishments, whose SIRETs only have a digit sum divisible by 5', () => {
    expect(isValidSiret('35600000049837')).toBe(true);
    expect(isValidSiret('35600000049838')).toBe(false);
  });

  it('checks the numeric key of a French VAT number', () => {
    expect(isValidFrenchVatNumber('FR44732829320')).toBe(true);
    expect(isValidFrenchVatNumber('FR 44 732829320')).toBe(true);
    expect(isValidFrenchVatNumber('FR45732829320')).toBe(false);
    expect(isValidFrenchVatNumber('DE123456789')).toBe(false);
    expect(isValidFrenchVatNumber('FRAB732829320')).toBe(true);
  });

  it('reads the SIREN out of either', () => {
    expect(sirenOf('732 829 320 00074')).toBe('732829320');
    expect(sirenOf('FR44732829320')).toBe('732829320');
    expect(sirenOf('nope')).toBeNull();
  });
});
