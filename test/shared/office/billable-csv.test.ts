import { describe, expect, it } from 'vitest';
import Papa from 'papaparse';
import { uuidv7 } from 'uuidv7';
import type { Report } from '../../../shared/report/model';
import { draftReport, plain } from '../../server/report-fixture';
import { billableLinesCsv, decimalComma, decimalHours } from '../../../shared/office/billable-csv';
import { reviewRows } from '../../../shared/office/review-rows';
import { CLIENT_A, CLIENT_B, NAMES, signed } from './review-fixture';

describe('billable lines CSV', () => {
  it('writes one line per billed line, with a BOM, `;`, French decimals and formula-safe cells', async () => {
    const a = await signed(CLIENT_A, {
      lines: [
        {
          label: 'Intervention sur site (3 h 30)',
          htCents: 22800,
          quantity: 1,
          unitHtCents: 22800,
        },
        { label: '+ Câble RJ45', htCents: 1250, quantity: 5, unitHtCents: 250 },
      ],
    });
    const b = await signed(CLIENT_B);
    const draft = {
      id: uuidv7(),
      interventionId: uuidv7(),
      clientId: CLIENT_A,
      report: plain(draftReport(uuidv7())) as Report,
    };
    const csv = billableLinesCsv(reviewRows([a, b, draft], [], NAMES));
    expect(csv.startsWith('\uFEFF')).toBe(true);
    const parsed = Papa.parse<string[]>(csv.slice(1).trim(), { delimiter: ';' });
    expect(parsed.data[0]).toEqual([
      'N° bordereau',
      'Version',
      'Date',
      'Client',
      'Technicien',
      'Libellé',
      'Quantité',
      'PU HT',
      'Montant HT',
      'Taux TVA',
      'Détail',
      'Devis',
      'À vérifier',
    ]);
    expect(parsed.data).toHaveLength(4);
    const cable = parsed.data.find((l) => l[5]!.includes('RJ45'))!;
    expect(cable.slice(5, 10)).toEqual(["'+ Câble RJ45", '5', '2,50', '12,50', '20']);
    const other = parsed.data.find((l) => l[3]!.includes('HYPERLIEN'))!;
    expect(other[3]).toBe('\'=HYPERLIEN("http://x")');
    expect(other[8]).toBe('130,00');
  });

  it('labour lines carry their hours and hourly rate, the detail, the quote and what to check', async () => {
    const a = await signed(CLIENT_A, {
      lines: [
        {
          label: 'Prestation complémentaire — Imprimante — Demi-journée (3 h 30)',
          htCents: 22800,
          unitHtCents: 6500,
          timeMinutes: 210,
          detail: '3 h 30 × 65,00 €/h = 227,50 € ; arrondi à l’euro supérieur : 228,00 €',
        },
      ],
      billing: { flags: ['beyond-quota'], quoteNumbers: ['DV-JD-2026-0001'] },
      outsideOpeningHours: true,
    });
    const rows = reviewRows([a], [], NAMES);
    expect(rows[0]!.flags).toEqual(['beyond-quota', 'outside-opening-hours']);
    const parsed = Papa.parse<string[]>(billableLinesCsv(rows).slice(1).trim(), {
      delimiter: ';',
    });
    expect(parsed.data[1]!.slice(6)).toEqual([
      '3,5',
      '65,00',
      '228,00',
      '20',
      '3 h 30 × 65,00 €/h = 227,50 € ; arrondi à l’euro supérieur : 228,00 €',
      'DV-JD-2026-0001',
      'Au-delà des visites prévues ; Hors heures d’ouverture',
    ]);
  });

  it('writes billed hours as French decimals', () => {
    expect([30, 75, 120, 210, 20].map(decimalHours)).toEqual(['0,5', '1,25', '2', '3,5', '0,33']);
  });

  it('formats cents without floats', () => {
    expect([0, 5, 100, 22850, -1999, 123456789].map(decimalComma)).toEqual([
      '0,00',
      '0,05',
      '1,00',
      '228,50',
      '-19,99',
      '1234567,89',
    ]);
  });
});
