import { describe, expect, it } from 'vitest';
import {
  ageSurchargePercent,
  applyAgeSurcharge,
  departementOfPostcode,
  noticeDeadline,
  noticeStatus,
  subscriptionVisitCount,
  subscriptionVisitLabel,
  syntecRevision,
} from '../../../shared/billing/index';

describe('syntecRevision: P1 = P0 × S1 / S0, half-up to the cent', () => {
  it.each([
    [10000, '100', '110', 11000],
    [6500, '283.9', '296.1', 6779], // 67,7934… → 67,79
    [6500, '283,9', '296,1', 6779], // the comma of the published figure
    [100, '3', '2', 67], // 66,67 cents → 67
    [1, '2', '1', 1], // exactly 0,5 cent → rounds up
    [3, '2', '1', 2], // 1,5 → 2
    [12345, '296.1', '296.10', 12345], // different decimals, same value
    [0, '100', '120', 0],
  ])('P0 %i cents, S0 %s, S1 %s → %i', (p0, s0, s1, p1) => {
    expect(syntecRevision(p0, s0, s1)).toBe(p1);
  });

  it('rejects a zero base index, a malformed index or a float price', () => {
    expect(() => syntecRevision(1000, '0', '100')).toThrow(RangeError);
    expect(() => syntecRevision(1000, '1e3', '100')).toThrow(RangeError);
    expect(() => syntecRevision(10.5, '100', '110')).toThrow(RangeError);
  });
});

describe('ageSurchargePercent (004 art. XI)', () => {
  it.each([
    ['2023-06-15', '2026-06-15', 0], // exactly 3 years: not yet "plus de 3 ans"
    ['2023-06-15', '2026-06-16', 10],
    ['2022-06-15', '2026-06-15', 10], // exactly 4: still the lower step
    ['2022-06-15', '2026-06-16', 20],
    ['2021-06-15', '2026-06-15', 20],
    ['2021-06-15', '2026-06-16', 30],
    ['2010-01-01', '2026-01-01', 30],
    ['2026-01-01', '2026-06-01', 0],
    ['2020-02-29', '2023-02-28', 0], // 29 Feb: anniversary on 28 Feb
    ['2020-02-29', '2023-03-01', 10],
  ] as const)('bought %s, billed %s → +%i %%', (bought, billed, percent) => {
    expect(ageSurchargePercent(bought, billed)).toBe(percent);
  });

  it('applies the surcharge rounded half-up to the cent', () => {
    expect(applyAgeSurcharge(2999, 10)).toBe(3299); // 32,989 → 32,99
    expect(applyAgeSurcharge(5, 10)).toBe(6); // 5,5 → 6
    expect(applyAgeSurcharge(1000, 30)).toBe(1300);
    expect(applyAgeSurcharge(1000, 0)).toBe(1000);
  });
});

describe('notice before a tacit renewal (000 art. 7, 002 art. VII)', () => {
  it.each([
    ['2027-01-01', 3, '2026-10-01'],
    ['2027-05-31', 3, '2027-02-28'],
    ['2028-05-31', 3, '2028-02-29'],
    ['2027-01-01', 6, '2026-07-01'],
  ])('renewal %s, %i months → last day %s', (renewal, months, deadline) => {
    expect(noticeDeadline(renewal, months)).toBe(deadline);
  });

  it('says when the deadline is near, today, or passed', () => {
    expect(noticeStatus('2027-01-01', '2026-08-15')).toEqual({
      deadline: '2026-10-01',
      daysLeft: 47,
      status: 'ok',
    });
    expect(noticeStatus('2027-01-01', '2026-09-01').status).toBe('soon');
    expect(noticeStatus('2027-01-01', '2026-10-01').status).toBe('last-day');
    expect(noticeStatus('2027-01-01', '2026-10-02')).toEqual({
      deadline: '2026-10-01',
      daysLeft: -1,
      status: 'passed',
    });
    expect(noticeStatus('2027-01-01', '2026-08-15', { warnDays: 60 }).status).toBe('soon');
  });
});

describe('departementOfPostcode', () => {
  it.each([
    ['75011', '75'],
    ['01000', '01'],
    ['20000', '2A'],
    ['20167', '2A'],
    ['20200', '2B'],
    ['20600', '2B'],
    ['97100', '971'],
    ['97400', '974'],
    ['97500', null],
    ['98000', null],
    ['7501', null],
  ])('%s → %s', (postcode, departement) => {
    expect(departementOfPostcode(postcode)).toBe(departement);
  });
});

describe('subscription visits (004 art. VI)', () => {
  it('counts this visit against the contract', () => {
    expect(subscriptionVisitCount(4, 2)).toEqual({
      rank: 3,
      perYear: 4,
      remaining: 1,
      beyondContract: false,
    });
    expect(subscriptionVisitCount(4, 4)).toEqual({
      rank: 5,
      perYear: 4,
      remaining: 0,
      beyondContract: true,
    });
    expect(subscriptionVisitLabel(subscriptionVisitCount(4, 2))).toBe(
      'Visite 3 sur 4 prévues au contrat',
    );
    expect(subscriptionVisitLabel(subscriptionVisitCount(null, 0))).toBe('Visite n° 1 de l’année');
    expect(() => subscriptionVisitCount(4, -1)).toThrow(RangeError);
  });
});
