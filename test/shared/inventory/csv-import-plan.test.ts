import { describe, expect, it } from 'vitest';
import { guessMapping } from '../../../shared/inventory/csv/columns';
import { planImport, planImportBatches } from '../../../shared/inventory/csv/import-plan';
import { parseCsv } from '../../../shared/inventory/csv/parse';
import type { ParsedCsv } from '../../../shared/inventory/csv/parse';

const CLIENT = '0192b3c4-0000-7000-8000-000000000001';
const SITE = '0192b3c4-0000-7000-8000-000000000002';
const ctx = {
  clientId: CLIENT,
  sites: [{ id: SITE, name: 'Siège' }],
  existingSerialKeys: new Set(['OLD1']),
};

function parsed(text: string): ParsedCsv {
  const r = parseCsv(text);
  if (!r.ok) throw new Error(r.message);
  return r;
}

describe('planImport', () => {
  const header =
    'Catégorie;Fabricant;Modèle;Numéro de série;Site;Date d’achat;Fin de garantie;Statut;Sous contrat;Déclaré;Date de découverte';

  it('turns good rows into drafts with French values read', () => {
    const csv = parsed(
      `${header}\nPC portable;Dell;Latitude 5440;ab-123;siege;15/03/2022;2025-03-14;En service;oui;non;02/11/2026\n`,
    );
    const plan = planImport(csv, guessMapping(csv.headers), ctx);
    expect(plan.rejected).toEqual([]);
    expect(plan.accepted[0]).toMatchObject({
      line: 2,
      draft: {
        clientId: CLIENT,
        siteId: SITE,
        category: 'laptop',
        brand: 'Dell',
        serialNumber: 'ab-123',
        purchaseDate: '2022-03-15',
        warrantyEndDate: '2025-03-14',
        status: 'in-service',
        covered: true,
        declared: false,
        discoveredOn: '2026-11-02',
      },
    });
  });

  it('reports every rejected row with each reason, and drops none', () => {
    const rows = [
      'Serveur;Dell;R650;S1;;;;;;;', // ok
      'Grille-pain;X;Y;S2;;;;;;;', // unknown category
      'Serveur;Dell;R650;S3;Annexe;31/02/2024;;;;;', // unknown site + impossible date
      'Serveur;Dell;R650;s-1;;;;;;;', // duplicate of line 2 in the file
      'Serveur;Dell;R650;old 1;;;;;;;', // already at the client
      'Serveur;Dell;R650;S6;;;;Cassé;peut-être;;', // bad status and boolean
      'Serveur;Dell;R650;S7;;;;;;non;', // undeclared without discovery date
      'Serveur;Dell;R650;S8;;;;;;', // one cell missing
      ';;;;;;;;;;', // blank row (ignored, not a record)
      'Serveur;;;;;;;;;;', // nothing identifies it
    ];
    const csv = parsed([header, ...rows].join('\n'));
    const plan = planImport(csv, guessMapping(csv.headers), ctx);
    expect(plan.accepted.map((a) => a.line)).toEqual([2]);
    const reasons = Object.fromEntries(plan.rejected.map((r) => [r.line, r.reasons.join(' | ')]));
    expect(reasons[3]).toMatch(/Catégorie : catégorie « Grille-pain » inconnue/);
    expect(reasons[4]).toMatch(/Site : « Annexe » n’est pas un site de ce client/);
    expect(reasons[4]).toMatch(/Date d’achat : date « 31\/02\/2024 » inexistante/);
    expect(reasons[5]).toMatch(/déjà présent ligne 2/);
    expect(reasons[6]).toMatch(/existe déjà chez ce client/);
    expect(reasons[7]).toMatch(/Statut : statut « Cassé » inconnu/);
    expect(reasons[7]).toMatch(/Sous contrat : « peut-être » n’est ni oui ni non/);
    expect(reasons[8]).toMatch(/date de découverte/);
    expect(reasons[9]).toMatch(/10 cellule\(s\) au lieu de 11/);
    expect(reasons[11]).toMatch(/Indiquez au moins un numéro de série/);
    // Every non-blank data row is either accepted or rejected.
    expect(plan.accepted.length + plan.rejected.length).toBe(csv.rows.length);
  });

  it('rejects every row of a file lacking the mapped columns rather than guessing', () => {
    const csv = parsed('Fabricant;Lieu\nDell;Bureau 1\nHP;Bureau 2\n');
    const plan = planImport(csv, guessMapping(csv.headers), ctx);
    expect(plan.accepted).toEqual([]);
    expect(plan.rejected).toHaveLength(2);
  });

  it('keeps formula-looking cells as plain text and reads back our neutralised export', () => {
    const csv = parsed("Numéro de série;Commentaires\nS1;=cmd|' /C calc'!A0\nS2;'=SOMME(A1)\n");
    const plan = planImport(csv, guessMapping(csv.headers), ctx);
    expect(plan.accepted.map((a) => a.draft.notes)).toEqual(["=cmd|' /C calc'!A0", '=SOMME(A1)']);
  });
});

describe('planImportBatches', () => {
  it('gives the same plan as planImport, split in file order, whatever the batch size', () => {
    const rows = ['Nom;Numéro de série;Type'];
    for (let i = 1; i <= 23; i++)
      rows.push(
        `PC-${i};${i % 7 === 0 ? 'SN-1' : `SN-${i}`};${i % 5 === 0 ? 'Grille-pain' : 'Ordinateur'}`,
      );
    const csv = parsed(rows.join('\n'));
    const mapping = guessMapping(csv.headers);
    const whole = planImport(csv, mapping, ctx);
    // SN-1 comes back on lines 8, 15 and 22; rows 5, 10… have an unknown category.
    expect(whole.rejected.map((r) => r.line)).toEqual([6, 8, 11, 15, 16, 21, 22]);
    for (const size of [1, 4, 10, 23, 100]) {
      const batches = [...planImportBatches(csv, mapping, ctx, size)];
      expect(batches).toHaveLength(Math.ceil(23 / size));
      expect(batches.flatMap((b) => b.accepted)).toEqual(whole.accepted);
      expect(batches.flatMap((b) => b.rejected)).toEqual(whole.rejected);
      expect(batches[0]!.accepted.length + batches[0]!.rejected.length).toBe(Math.min(size, 23));
    }
  });
});
