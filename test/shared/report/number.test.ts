import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  formatReportNumber,
  isValidTechnicianCode,
  lastSequenceAmong,
  nextReportNumber,
  parseReportNumber,
  ReportNumberError,
  reportNumberSchema,
  reportYear,
} from '../../../shared/report/number';

describe('report numbers', () => {
  it('formats BI-<year>-<code>-<sequence> with a 4-digit sequence', () => {
    expect(formatReportNumber({ year: 2026, technicianCode: 'JD', sequence: 42 })).toBe(
      'BI-2026-JD-0042',
    );
    expect(formatReportNumber({ year: 2026, technicianCode: 'ABCD', sequence: 1 })).toBe(
      'BI-2026-ABCD-0001',
    );
    expect(formatReportNumber({ year: 2027, technicianCode: 'JD', sequence: 12345 })).toBe(
      'BI-2027-JD-12345',
    );
  });

  it('parses what it formats, and only the canonical spelling', () => {
    expect(parseReportNumber('BI-2026-JD-0042')).toEqual({
      year: 2026,
      technicianCode: 'JD',
      sequence: 42,
    });
    for (const bad of [
      'BI-2026-JD-042',
      'BI-2026-JD-00042',
      'BI-2026-jd-0042',
      'BI-2026-J-0042',
      'BI-2026-ABCDE-0042',
      'BI-2026-JD-0000',
      'bi-2026-JD-0042',
      'BI-26-JD-0042',
      ' BI-2026-JD-0042',
      'BI-1999-JD-0001',
    ]) {
      expect(parseReportNumber(bad), bad).toBeNull();
    }
    expect(reportNumberSchema.safeParse('BI-2026-JD-042').success).toBe(false);
  });

  it('round-trips every valid number', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 2000, max: 9999 }),
        fc.stringMatching(/^[A-Z]{2,4}$/),
        fc.integer({ min: 1, max: 10_000_000 }),
        (year, technicianCode, sequence) => {
          const number = formatReportNumber({ year, technicianCode, sequence });
          expect(parseReportNumber(number)).toEqual({ year, technicianCode, sequence });
        },
      ),
    );
  });

  it('validates technician codes: 2 to 4 capital letters', () => {
    expect(['JD', 'ABC', 'MART'].every(isValidTechnicianCode)).toBe(true);
    expect(['J', 'ABCDE', 'jd', 'J1', 'É', 'J D', ''].some(isValidTechnicianCode)).toBe(false);
    expect(() => formatReportNumber({ year: 2026, technicianCode: 'jd', sequence: 1 })).toThrow(
      ReportNumberError,
    );
    expect(() => formatReportNumber({ year: 2026, technicianCode: 'JD', sequence: 0 })).toThrow(
      /Numéro d’ordre invalide/,
    );
  });

  it('numbers the next report from the last sequence used by that technician that year', () => {
    expect(nextReportNumber({ technicianCode: 'JD', year: 2026, lastSequence: null })).toBe(
      'BI-2026-JD-0001',
    );
    expect(nextReportNumber({ technicianCode: 'JD', year: 2026, lastSequence: 41 })).toBe(
      'BI-2026-JD-0042',
    );
    expect(nextReportNumber({ technicianCode: 'JD', year: 2026, lastSequence: 9999 })).toBe(
      'BI-2026-JD-10000',
    );
    expect(() => nextReportNumber({ technicianCode: 'JD', year: 2026, lastSequence: 0 })).toThrow(
      ReportNumberError,
    );
  });

  it('finds the last sequence among a device’s numbers, ignoring colleagues, other years and junk', () => {
    const numbers = [
      'BI-2026-JD-0007',
      'BI-2026-JD-0012',
      'BI-2026-AB-0099',
      'BI-2025-JD-0500',
      'garbage',
      'BI-2026-JD-0003',
    ];
    expect(lastSequenceAmong(numbers, 'JD', 2026)).toBe(12);
    expect(lastSequenceAmong(numbers, 'ZZ', 2026)).toBeNull();
    expect(
      nextReportNumber({
        technicianCode: 'JD',
        year: 2026,
        lastSequence: lastSequenceAmong(numbers, 'JD', 2026),
      }),
    ).toBe('BI-2026-JD-0013');
  });

  it('never gives two technicians the same number, whatever their sequences', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.stringMatching(/^[A-Z]{2,4}$/), { minLength: 2, maxLength: 5 }),
        fc.integer({ min: 1, max: 50 }),
        (codes, count) => {
          const all = codes.flatMap((technicianCode) => {
            const numbers: string[] = [];
            let last: number | null = null;
            for (let i = 0; i < count; i++) {
              numbers.push(nextReportNumber({ technicianCode, year: 2026, lastSequence: last }));
              last = lastSequenceAmong(numbers, technicianCode, 2026);
            }
            return numbers;
          });
          expect(new Set(all).size).toBe(codes.length * count);
        },
      ),
      { numRuns: 50 },
    );
  });

  it('takes the year in Paris time: New Year’s Eve 23:30 UTC is already next year in Paris', () => {
    const newYearsEveUtc = Date.UTC(2026, 11, 31, 23, 30);
    expect(reportYear(newYearsEveUtc, 'Europe/Paris')).toBe(2027);
    expect(reportYear(newYearsEveUtc, 'UTC')).toBe(2026);
  });
});
