import { describe, expect, it } from 'vitest';
import { pdfDate } from '../../../shared/report/pdf/pdf-date';

describe('pdfDate', () => {
  it('writes the instant in Paris time with its offset, winter and summer', () => {
    expect(pdfDate(Date.UTC(2026, 10, 23, 11, 51, 30))).toBe("D:20261123125130+01'00'");
    expect(pdfDate(Date.UTC(2026, 6, 14, 22, 5, 9))).toBe("D:20260715000509+02'00'");
  });
});
