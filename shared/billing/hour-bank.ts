import { localDateOf } from '../calendar/local-date';
import type { HourBank } from './contract';
import { DAY_MINUTES } from './ladder';

/** An intervention that draws on the bank: its billed time and when it happened. */
export interface BankDraw {
  readonly id: string;
  /** Start of the intervention, ms. */
  readonly at: number;
  readonly billedMinutes: number;
}

export interface BankEntry {
  readonly id: string;
  readonly at: number;
  readonly billedMinutes: number;
  readonly balanceBeforeMinutes: number;
  /** Taken from the bank: min(billed, balance before). */
  readonly deductedMinutes: number;
  /** Beyond the balance, billed as a complementary service. */
  readonly excessMinutes: number;
  readonly balanceAfterMinutes: number;
}

export interface BankStatement {
  readonly initialMinutes: number;
  /** In the order they drew on the bank (time, then id). */
  readonly entries: readonly BankEntry[];
  /** Interventions outside the bank's dates, left out. */
  readonly ignoredIds: readonly string[];
  readonly balanceMinutes: number;
}

/** The bank's size in minutes; a day is the ladder's 7 h. */
export function hourBankMinutes(bank: HourBank): number {
  return bank.quantity * (bank.unit === 'days' ? DAY_MINUTES : 60);
}

/**
 * The bank's statement, recomputed from the interventions every time (never a stored
 * balance that could drift): each intervention, in time order, takes what it can from the
 * balance and the rest is excess. The balance never goes below 0.
 */
export function hourBankStatement(bank: HourBank, draws: readonly BankDraw[]): BankStatement {
  const initialMinutes = hourBankMinutes(bank);
  const ignoredIds: string[] = [];
  const inRange: BankDraw[] = [];
  for (const draw of draws) {
    if (!Number.isInteger(draw.billedMinutes) || draw.billedMinutes < 0) {
      throw new RangeError(
        `Temps facturé invalide pour ${draw.id} : ${String(draw.billedMinutes)}.`,
      );
    }
    const date = localDateOf(draw.at);
    if (date < bank.startsOn || (bank.endsOn !== null && date > bank.endsOn))
      ignoredIds.push(draw.id);
    else inRange.push(draw);
  }
  inRange.sort((a, b) => a.at - b.at || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  let balance = initialMinutes;
  const entries = inRange.map((draw): BankEntry => {
    const deductedMinutes = Math.min(balance, draw.billedMinutes);
    const entry = {
      id: draw.id,
      at: draw.at,
      billedMinutes: draw.billedMinutes,
      balanceBeforeMinutes: balance,
      deductedMinutes,
      excessMinutes: draw.billedMinutes - deductedMinutes,
      balanceAfterMinutes: balance - deductedMinutes,
    };
    balance = entry.balanceAfterMinutes;
    return entry;
  });
  return { initialMinutes, entries, ignoredIds, balanceMinutes: balance };
}

/**
 * The bank's balance just before an intervention (what `priceVisitFacts` needs), from the
 * interventions already recorded; the intervention itself may or may not be in `draws`.
 */
export function hourBankBalanceBefore(
  bank: HourBank,
  draws: readonly BankDraw[],
  intervention: { readonly id: string; readonly at: number },
): number {
  const others = draws.filter((d) => d.id !== intervention.id);
  const probe: BankDraw = { id: intervention.id, at: intervention.at, billedMinutes: 0 };
  const entry = hourBankStatement(bank, [...others, probe]).entries.find(
    (e) => e.id === intervention.id,
  );
  // Outside the bank's dates: nothing to draw on.
  return entry ? entry.balanceBeforeMinutes : 0;
}
