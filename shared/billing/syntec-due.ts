import { z } from 'zod';
import type { LocalDate } from '../calendar/local-date';
import { localDateSchema } from '../calendar/local-date';
import type { Contract, Syntec } from './contract';
import { indexMonthSchema } from './contract';
import { decimalStringSchema } from './decimal';
import { applySyntecRevision, nextSyntecRevisionOn } from './syntec';

/** An indexed contract and where its next SYNTEC revision stands (the office's list). */
export interface SyntecDue {
  readonly contract: Contract;
  /** The date the contract states: its anniversary, or 1 January (004 art. XI). */
  readonly dueOn: LocalDate;
  /** `due`: the date has come, the office can apply it; `upcoming`: later. */
  readonly status: 'due' | 'upcoming';
  /** The price the next revision starts from (P0): the last revised one, or the initial one. */
  readonly fromCents: number | null;
  /** S0: the index of the last revision (chained) or of signature (initial base). */
  readonly s0: string;
}

/** P0 and S0 of the next revision, on the contract's base (chained 002, initial 003). */
function baseOf(contract: Contract, syntec: Syntec): { fromCents: number | null; s0: string } {
  const current =
    syntec.target === 'subscription'
      ? contract.coverage.subscriptionPriceCents
      : contract.hourlyRateCents;
  if (syntec.base === 'chained') return { fromCents: current, s0: syntec.index };
  return {
    fromCents: syntec.initialPriceCents ?? current,
    s0: syntec.initialIndex ?? syntec.index,
  };
}

/**
 * Every contract indexed on SYNTEC with its next revision date, the due ones first then by
 * date (the office's list of revisions to apply): a revision is due from the date the
 * contract states, until the office applies it.
 */
export function syntecRevisionsDue(
  contracts: readonly Contract[],
  today: LocalDate,
): readonly SyntecDue[] {
  const out: SyntecDue[] = [];
  for (const contract of contracts) {
    const syntec = contract.syntec;
    if (syntec === null) continue;
    const dueOn = nextSyntecRevisionOn(contract.startsOn, syntec);
    out.push({
      contract,
      dueOn,
      status: dueOn <= today ? 'due' : 'upcoming',
      ...baseOf(contract, syntec),
    });
  }
  return out.sort(
    (a, b) =>
      a.dueOn.localeCompare(b.dueOn) || a.contract.reference.localeCompare(b.contract.reference),
  );
}

/** What the clerk enters to apply a revision: the published index, its month, the date. */
export const syntecRevisionInputSchema = z.object({
  contractId: z.string().min(1, 'Contrat à réviser manquant.'),
  /** The revision's date: the due date the contract states, or later. */
  on: localDateSchema,
  /** S1 as published ("310,1"). */
  index: decimalStringSchema,
  indexMonth: indexMonthSchema,
});
export type SyntecRevisionInput = z.output<typeof syntecRevisionInputSchema>;

/** The old and new price a revision would give, before the office applies it. */
export interface SyntecPreview {
  readonly target: Syntec['target'];
  readonly s0: string;
  readonly s1: string;
  readonly fromCents: number;
  readonly toCents: number;
}

/**
 * The revision the office is about to apply, computed exactly as `applySyntecRevision` will
 * (same base, same rounding): throws the same `SyntecError` when it cannot be applied.
 */
export function previewSyntecRevision(
  contract: Contract,
  revision: { readonly on: LocalDate; readonly index: string },
): SyntecPreview {
  const revised = applySyntecRevision(contract, revision);
  const entry = revised.syntec!.history[revised.syntec!.history.length - 1]!;
  return {
    target: revised.syntec!.target,
    s0: entry.s0,
    s1: entry.s1,
    fromCents: entry.fromCents,
    toCents: entry.toCents,
  };
}
