import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  hourBankBalanceBefore,
  hourBankMinutes,
  hourBankStatement,
  hourBankSchema,
} from '../../../shared/billing/index';
import { paris } from './fixtures';

const bank = hourBankSchema.parse({
  unit: 'hours',
  quantity: 10,
  startsOn: '2026-01-01',
  endsOn: '2026-12-31',
});

describe('hour bank', () => {
  it('sizes hours and days (a day is 7 h)', () => {
    expect(hourBankMinutes(bank)).toBe(600);
    expect(hourBankMinutes({ ...bank, unit: 'days', quantity: 2 })).toBe(840);
  });

  it('deducts in time order, bills the excess and never goes below zero', () => {
    const s = hourBankStatement(bank, [
      { id: 'b', at: paris('2026-03-02', '09:00'), billedMinutes: 210 },
      { id: 'a', at: paris('2026-02-02', '09:00'), billedMinutes: 210 },
      { id: 'c', at: paris('2026-04-06', '09:00'), billedMinutes: 420 },
      { id: 'd', at: paris('2026-05-04', '09:00'), billedMinutes: 30 },
    ]);
    expect(
      s.entries.map((e) => [
        e.id,
        e.balanceBeforeMinutes,
        e.deductedMinutes,
        e.excessMinutes,
        e.balanceAfterMinutes,
      ]),
    ).toEqual([
      ['a', 600, 210, 0, 390],
      ['b', 390, 210, 0, 180],
      ['c', 180, 180, 240, 0],
      ['d', 0, 0, 30, 0],
    ]);
    expect(s.balanceMinutes).toBe(0);
  });

  it('leaves out interventions outside the bank dates (Paris calendar)', () => {
    const s = hourBankStatement(bank, [
      { id: 'before', at: paris('2025-12-31', '23:30'), billedMinutes: 120 },
      { id: 'in', at: paris('2026-01-01', '00:30'), billedMinutes: 120 },
      { id: 'after', at: paris('2027-01-01', '09:00'), billedMinutes: 120 },
    ]);
    expect(s.ignoredIds).toEqual(['before', 'after']);
    expect(s.balanceMinutes).toBe(480);
  });

  it('gives the balance before an intervention, recomputed from the others', () => {
    const draws = [
      { id: 'a', at: paris('2026-02-02', '09:00'), billedMinutes: 210 },
      { id: 'x', at: paris('2026-02-10', '09:00'), billedMinutes: 999 },
      { id: 'b', at: paris('2026-03-02', '09:00'), billedMinutes: 120 },
    ];
    expect(hourBankBalanceBefore(bank, draws, { id: 'x', at: paris('2026-02-10', '09:00') })).toBe(
      390,
    );
    expect(
      hourBankBalanceBefore(bank, draws, { id: 'new', at: paris('2026-06-01', '09:00') }),
    ).toBe(0);
    expect(hourBankBalanceBefore(bank, [], { id: 'new', at: paris('2027-06-01', '09:00') })).toBe(
      0,
    );
  });

  it('rejects a bad billed time', () => {
    expect(() =>
      hourBankStatement(bank, [{ id: 'a', at: paris('2026-02-02', '09:00'), billedMinutes: 1.5 }]),
    ).toThrow(RangeError);
  });

  it('conserves time: deducted + balance = initial, deducted + excess = billed', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            day: fc.integer({ min: 0, max: 364 }),
            billed: fc.integer({ min: 0, max: 900 }),
          }),
          { maxLength: 30 },
        ),
        (items) => {
          const draws = items.map((it, i) => ({
            id: `i${i}`,
            at: Date.UTC(2026, 0, 1, 12) + it.day * 86_400_000,
            billedMinutes: it.billed,
          }));
          const s = hourBankStatement(bank, draws);
          const deducted = s.entries.reduce((sum, e) => sum + e.deductedMinutes, 0);
          expect(deducted + s.balanceMinutes).toBe(600);
          for (const e of s.entries) {
            expect(e.deductedMinutes + e.excessMinutes).toBe(e.billedMinutes);
            expect(e.balanceAfterMinutes).toBeGreaterThanOrEqual(0);
          }
          // Recomputing from the same interventions in another order gives the same statement.
          expect(hourBankStatement(bank, [...draws].reverse())).toEqual(s);
        },
      ),
    );
  });
});
