import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { guessMapping } from '../../../shared/inventory/csv/columns';
import { equipmentToCsv, neutraliseCell } from '../../../shared/inventory/csv/export';
import { planImport } from '../../../shared/inventory/csv/import-plan';
import { parseCsv } from '../../../shared/inventory/csv/parse';
import { equipmentFieldsSchema } from '../../../shared/inventory/equipment';
import type { EquipmentDraft } from '../../../shared/inventory/equipment';

const CLIENT = '0192b3c4-0000-7000-8000-000000000001';
const SITE = '0192b3c4-0000-7000-8000-000000000002';

const draft = (over: Partial<EquipmentDraft>): EquipmentDraft =>
  equipmentFieldsSchema.parse({
    clientId: CLIENT,
    category: 'laptop',
    serialNumber: 'SN1',
    ...over,
  });

describe('neutraliseCell', () => {
  it('prefixes cells a spreadsheet would run as formulas (OWASP CSV injection)', () => {
    for (const evil of ["=cmd|' /C calc'!A0", '+1+1', '-2+3', '@SUM(A1)', '\t=1', '\r=1']) {
      expect(neutraliseCell(evil)).toBe(`'${evil}`);
    }
    expect(neutraliseCell('PC-01 = poste')).toBe('PC-01 = poste');
    expect(neutraliseCell('')).toBe('');
  });
});

describe('equipmentToCsv', () => {
  it('writes UTF-8 with BOM, semicolons, French headers and values, formulas neutralised', () => {
    const csv = equipmentToCsv(
      [
        draft({
          brand: 'Dell',
          siteId: SITE,
          purchaseDate: '2022-03-15',
          notes: "=cmd|' /C calc'!A0",
          declared: false,
          discoveredOn: '2026-11-02',
          covered: false,
        }),
      ],
      new Map([[SITE, 'Siège; bâtiment A']]),
    );
    expect(csv.startsWith('\uFEFFCatégorie;Fabricant;Modèle;Numéro de série;')).toBe(true);
    const line = csv.split('\r\n')[1]!;
    expect(line).toContain('PC portable;Dell;;SN1;');
    expect(line).toContain('"Siège; bâtiment A"');
    expect(line).toContain('15/03/2022');
    expect(line).toContain(';non;non;02/11/2026;');
    expect(line).toContain("'=cmd|' /C calc'!A0");
    expect(line).not.toMatch(/;=cmd/);
  });

  it('round-trips: what is exported imports back identically', () => {
    const text = fc.string({ maxLength: 30 }).map((s) => s.trim());
    const arb = fc.record({
      brand: text,
      model: fc.string({ minLength: 1, maxLength: 20 }).map((s) => `M${s.trim()}`),
      hostname: text,
      assignedUser: text,
      location: text,
      notes: fc.oneof(text, fc.constantFrom('=1+1', '-3', '@x', '+33 1 23')),
      covered: fc.boolean(),
      status: fc.constantFrom('in-service' as const, 'under-repair' as const, 'retired' as const),
    });
    fc.assert(
      fc.property(fc.array(arb, { maxLength: 8 }), (rows) => {
        const items = rows.map((r, i) => draft({ ...r, serialNumber: `SN${i}`, siteId: SITE }));
        const parsed = parseCsv(equipmentToCsv(items, new Map([[SITE, 'Siège']])));
        if (!parsed.ok) return items.length === 0 && false;
        const plan = planImport(parsed, guessMapping(parsed.headers), {
          clientId: CLIENT,
          sites: [{ id: SITE, name: 'Siège' }],
          existing: [],
        });
        expect(plan.rejected).toEqual([]);
        expect(plan.accepted.map((a) => (a.kind === 'new' ? a.draft : a.kind))).toEqual(items);
      }),
      { numRuns: 100 },
    );
  });
});
