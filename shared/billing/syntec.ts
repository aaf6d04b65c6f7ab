import { parseLocalDate, toLocalDate } from '../calendar/local-date';
import type { LocalDate } from '../calendar/local-date';
import type { Contract, Syntec } from './contract';
import { parseDecimal } from './decimal';
import { assertSafe } from './money';

/**
 * Yearly revision by the SYNTEC index (002 art. IV.2.3, 003 art. 2.2, 004 art. XI):
 * P1 = P0 × (S1 / S0), rounded half-up to the cent (our default; the contracts do not say).
 * Indices are given as published, as text ("296,1" or "296.1"), and the whole computation is
 * done on big integers so no decimal is ever approximated.
 */
export function syntecRevision(p0Cents: number, s0: string, s1: string): number {
  assertSafe(p0Cents);
  const a = parseDecimal(s0);
  const b = parseDecimal(s1);
  if (a.units === 0n) throw new RangeError('L’indice de référence S0 ne peut pas être nul.');
  // Bring both indices to the same number of decimals: S1/S0 = (b·10^sa) / (a·10^sb).
  const numerator = BigInt(p0Cents) * b.units * 10n ** BigInt(a.scale);
  const denominator = a.units * 10n ** BigInt(b.scale);
  const revised = (2n * numerator + denominator) / (2n * denominator);
  const result = Number(revised);
  assertSafe(result);
  return result;
}

/** P1 rounded as the contract says: up to the euro (002's clause) or half-up to the cent. */
export function syntecRevisionRounded(
  p0Cents: number,
  s0: string,
  s1: string,
  rounding: Syntec['rounding'],
): number {
  if (rounding === 'cent') return syntecRevision(p0Cents, s0, s1);
  assertSafe(p0Cents);
  const a = parseDecimal(s0);
  const b = parseDecimal(s1);
  if (a.units === 0n) throw new RangeError('L’indice de référence S0 ne peut pas être nul.');
  const numerator = BigInt(p0Cents) * b.units * 10n ** BigInt(a.scale);
  const denominator = a.units * 10n ** BigInt(b.scale) * 100n;
  const result = Number(((numerator + denominator - 1n) / denominator) * 100n);
  assertSafe(result);
  return result;
}

/**
 * When the next revision is due (domain-rules §4): the first contract anniversary, or the
 * first 1 January, strictly after the last revision (or signature).
 */
export function nextSyntecRevisionOn(startsOn: LocalDate, syntec: Syntec): LocalDate {
  const last = parseLocalDate(syntec.revisedOn);
  if (syntec.when === 'january-1') return toLocalDate({ year: last.year + 1, month: 1, day: 1 });
  const start = parseLocalDate(startsOn);
  for (let year = last.year; ; year += 1) {
    // 29 February falls back to 28 February in common years.
    const day = Math.min(start.day, daysInMonth(year, start.month));
    const candidate = toLocalDate({ year, month: start.month, day });
    if (candidate > syntec.revisedOn) return candidate;
  }
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

export type SyntecApplyError = 'not-indexed' | 'not-due' | 'nothing-to-revise';

export class SyntecError extends Error {
  readonly code: SyntecApplyError;
  constructor(code: SyntecApplyError, message: string) {
    super(message);
    this.name = 'SyntecError';
    this.code = code;
  }
}

/**
 * The office applies a revision with the index S1 published for the due date: the revised
 * price P1 = P0 × (S1 / S0), P0/S0 chained (last revision: 002 art. IV.2.3) or initial
 * (signature: 003 art. 2.2), on the subscription price or the rates (004 art. XI), rounded
 * as the contract says. Returns the new contract, the history growing by one entry; pure.
 */
export function applySyntecRevision(
  contract: Contract,
  revision: { readonly on: LocalDate; readonly index: string; readonly indexMonth?: string },
): Contract {
  const syntec = contract.syntec;
  if (syntec === null) {
    throw new SyntecError('not-indexed', 'Ce contrat n’est pas indexé sur l’indice SYNTEC.');
  }
  const due = nextSyntecRevisionOn(contract.startsOn, syntec);
  if (revision.on < due) {
    throw new SyntecError('not-due', `Prochaine révision SYNTEC au ${due}, pas avant.`);
  }
  const s0 = syntec.base === 'initial' ? (syntec.initialIndex ?? syntec.index) : syntec.index;
  const revise = (current: number, initial: number | null) =>
    syntecRevisionRounded(
      syntec.base === 'initial' ? (initial ?? current) : current,
      s0,
      revision.index,
      syntec.rounding,
    );
  let next: Contract;
  let fromCents: number;
  let toCents: number;
  if (syntec.target === 'subscription') {
    const price = contract.coverage.subscriptionPriceCents;
    if (price === null) {
      throw new SyntecError(
        'nothing-to-revise',
        'Le contrat n’a pas de prix d’abonnement à réviser.',
      );
    }
    fromCents = price;
    toCents = revise(price, syntec.initialPriceCents);
    next = { ...contract, coverage: { ...contract.coverage, subscriptionPriceCents: toCents } };
  } else {
    if (syntec.base === 'initial') {
      // Only one initial price is kept: revising every rate from signature would need each one's.
      throw new SyntecError(
        'nothing-to-revise',
        'Base initiale : seul le prix d’abonnement peut être révisé.',
      );
    }
    fromCents = contract.hourlyRateCents;
    toCents = revise(contract.hourlyRateCents, null);
    const scale = (cents: number | null) =>
      cents === null ? null : syntecRevisionRounded(cents, s0, revision.index, syntec.rounding);
    next = {
      ...contract,
      hourlyRateCents: toCents,
      remoteHourlyRateCents: scale(contract.remoteHourlyRateCents),
      halfDayPriceCents: scale(contract.halfDayPriceCents),
      dayPriceCents: scale(contract.dayPriceCents),
    };
  }
  return {
    ...next,
    syntec: {
      ...syntec,
      index: syntec.base === 'chained' ? revision.index : syntec.index,
      revisedOn: revision.on,
      history: [
        ...syntec.history,
        {
          on: revision.on,
          s0,
          s1: revision.index,
          fromCents,
          toCents,
          indexMonth: revision.indexMonth ?? null,
        },
      ],
    },
  };
}
