/**
 * French company identifiers printed on the bordereau (the provider's legal identity).
 * A typo in a SIRET on a signed document cannot be fixed afterwards, so they are checked
 * the way INSEE and the tax office compute them.
 */

const LA_POSTE_SIREN = '356000000';

function luhnValid(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}

/** Spaces are how SIRETs are usually written ("848 108 031 00012"); they are not part of it. */
export function compactIdentifier(value: string): string {
  return value.replace(/[\s\u00a0\u202f]/g, '').toUpperCase();
}

/**
 * 14 digits with a valid Luhn key. La Poste's establishments are the documented exception:
 * their SIRETs only have a digit sum divisible by 5.
 */
export function isValidSiret(value: string): boolean {
  const siret = compactIdentifier(value);
  if (!/^\d{14}$/.test(siret)) return false;
  if (siret.startsWith(LA_POSTE_SIREN) && siret !== `${LA_POSTE_SIREN}00048`) {
    const digitSum = [...siret].reduce((sum, d) => sum + Number(d), 0);
    return digitSum % 5 === 0;
  }
  return luhnValid(siret);
}

/**
 * French intra-community VAT number: "FR" + 2-character key + SIREN. When the key is numeric
 * it must equal (12 + 3 × (SIREN mod 97)) mod 97; alphanumeric keys (older numbers) are only
 * checked for shape.
 */
export function isValidFrenchVatNumber(value: string): boolean {
  const vat = compactIdentifier(value);
  const match = /^FR([0-9A-Z]{2})(\d{9})$/.exec(vat);
  if (!match) return false;
  const [, key, siren] = match as unknown as [string, string, string];
  if (!/^\d{2}$/.test(key)) return true;
  return Number(key) === (12 + 3 * (Number(siren) % 97)) % 97;
}

/** The SIREN inside a SIRET or a French VAT number, for checking that both name one company. */
export function sirenOf(identifier: string): string | null {
  const compact = compactIdentifier(identifier);
  if (/^\d{14}$/.test(compact)) return compact.slice(0, 9);
  const vat = /^FR[0-9A-Z]{2}(\d{9})$/.exec(compact);
  return vat ? (vat[1] ?? null) : null;
}
