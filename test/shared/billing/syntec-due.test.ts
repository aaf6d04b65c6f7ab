import { describe, expect, it } from 'vitest';
import {
  SyntecError,
  contractSchema,
  previewSyntecRevision,
  syntecRevisionsDue,
} from '../../../shared/billing/index';
import type { ContractInput } from '../../../shared/billing/index';

const contract = (id: string, over: Partial<ContractInput> = {}) =>
  contractSchema.parse({
    id,
    clientId: 'k',
    reference: `CT-${id}`,
    startsOn: '2025-03-15',
    hourlyRateCents: 6500,
    coverage: { subscriptionPriceCents: 45000 },
    ...over,
  });

describe('the office’s list of SYNTEC revisions (domain-rules §4)', () => {
  const allance = contract('002', {
    syntec: { index: '306', revisedOn: '2026-03-15', rounding: 'euro-up' },
    coverage: { subscriptionPriceCents: 45900 },
  });
  const imri = contract('004', {
    syntec: { index: '300', revisedOn: '2025-03-15', when: 'january-1' },
  });
  const infofy = contract('003', {
    startsOn: '2024-06-01',
    syntec: {
      index: '306',
      revisedOn: '2025-06-01',
      base: 'initial',
      initialIndex: '300',
      initialPriceCents: 45000,
    },
    coverage: { subscriptionPriceCents: 45900 },
  });
  const notIndexed = contract('000');

  it('each contract on the date it states (002 anniversary, 004 art. XI 1 January), due ones first', () => {
    const rows = syntecRevisionsDue([allance, imri, infofy, notIndexed], '2026-03-01');
    expect(rows.map((r) => [r.contract.id, r.dueOn, r.status])).toEqual([
      ['004', '2026-01-01', 'due'],
      ['003', '2026-06-01', 'upcoming'],
      ['002', '2027-03-15', 'upcoming'],
    ]);
  });

  it('003 art. 2.2 fixed base: P0 and S0 are the initial ones; 002 chained: the last revision', () => {
    const rows = syntecRevisionsDue([allance, infofy], '2026-03-01');
    expect(rows.find((r) => r.contract.id === '003')).toMatchObject({
      fromCents: 45000,
      s0: '300',
    });
    expect(rows.find((r) => r.contract.id === '002')).toMatchObject({
      fromCents: 45900,
      s0: '306',
    });
  });

  it('the preview gives the price applying will write, with the contract’s rounding', () => {
    // 002: 459 × 310,1 / 306 = 465,15 → 466 € (rounded up under its clause).
    expect(previewSyntecRevision(allance, { on: '2027-03-15', index: '310,1' })).toEqual({
      target: 'subscription',
      s0: '306',
      s1: '310,1',
      fromCents: 45900,
      toCents: 46600,
    });
    // 003 fixed base: from 450 € and 300 → 468 € with S1 = 312.
    expect(previewSyntecRevision(infofy, { on: '2026-06-01', index: '312' }).toCents).toBe(46800);
    // 004: 450 × 303,3 / 300 = 454,95 € to the cent.
    expect(previewSyntecRevision(imri, { on: '2026-01-01', index: '303,3' }).toCents).toBe(45495);
  });

  it('the preview refuses what applying would refuse', () => {
    expect(() => previewSyntecRevision(allance, { on: '2027-03-14', index: '310' })).toThrow(
      SyntecError,
    );
    expect(() => previewSyntecRevision(notIndexed, { on: '2027-03-15', index: '310' })).toThrow(
      'n’est pas indexé',
    );
  });
});
