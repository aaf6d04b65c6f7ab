import { describe, expect, it } from 'vitest';
import { parseCsv } from '../../../shared/inventory/csv/parse';
import { rejectedRowsCsv } from '../../../shared/inventory/csv/rejected-csv';

describe('rejectedRowsCsv', () => {
  it('gives the rejected rows back with their line and every reason, readable again', () => {
    const csv = rejectedRowsCsv(
      ['Nom', 'Numéro de série'],
      [
        { line: 3, cells: ['PC-1', 'S;1'], reasons: ['Date d’achat : illisible', 'Doublon'] },
        { line: 9, cells: ['=cmd', 'S2'], reasons: ['Numéro de série : déjà présent ligne 2'] },
      ],
    );
    expect(csv.startsWith('\uFEFFNom;Numéro de série;Ligne;Motif du rejet\r\n')).toBe(true);
    const parsed = parseCsv(csv);
    expect(parsed.ok && parsed.rows.map((r) => r.cells)).toEqual([
      ['PC-1', 'S;1', '3', 'Date d’achat : illisible ; Doublon'],
      ["'=cmd", 'S2', '9', 'Numéro de série : déjà présent ligne 2'],
    ]);
  });
});
