import { describe, expect, it } from 'vitest';
import { guessMapping } from '../../../shared/inventory/csv/columns';
import type { ExistingEquipment } from '../../../shared/inventory/csv/existing-match';
import { planImport, planImportBatches } from '../../../shared/inventory/csv/import-plan';
import type { AcceptedRow } from '../../../shared/inventory/csv/import-plan';
import { parseCsv } from '../../../shared/inventory/csv/parse';
import type { ParsedCsv } from '../../../shared/inventory/csv/parse';
import { equipmentFieldsSchema } from '../../../shared/inventory/equipment';
import type { EquipmentFields } from '../../../shared/inventory/equipment';

const CLIENT = '0192b3c4-0000-7000-8000-000000000001';
const SITE = '0192b3c4-0000-7000-8000-000000000002';

function existing(id: string, fields: Partial<EquipmentFields>): ExistingEquipment {
  return {
    ...equipmentFieldsSchema.parse({ clientId: CLIENT, category: 'server', ...fields }),
    id: `0192b3c4-0000-7000-8000-${id.padStart(12, '0')}`,
  };
}

const OLD = existing('10', {
  serialNumber: 'OLD1',
  brand: 'Dell',
  model: 'R650',
  assetTag: 'INV-9',
});
const ctx = { clientId: CLIENT, sites: [{ id: SITE, name: 'Siège' }], existing: [OLD] };

function parsed(text: string): ParsedCsv {
  const r = parseCsv(text);
  if (!r.ok) throw new Error(r.message);
  return r;
}

const draftOf = (row: AcceptedRow | undefined) => (row?.kind === 'new' ? row.draft : null);

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
      kind: 'new',
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

  it('reports every rejected row with ALL its reasons, and drops none', () => {
    const rows = [
      'Serveur;Dell;R650;S1;;;;;;;', // ok
      'Grille-pain;X;Y;S2;;;;Prêté;;;', // unknown category and status: imported, labels kept
      'Serveur;Dell;R650;S3;Annexe;31/02/2024;;;;;', // unknown site (warned) + impossible date
      'Serveur;Dell;R650;s-1;;32/13/2020;;;;;', // duplicate of line 2 AND a bad date
      'Serveur;Dell;R650;old 1;;;;;;;', // the client's OLD1: unchanged
      'Serveur;Dell;R650;S6;;;;;peut-être;;', // bad boolean
      'Serveur;Dell;R650;S7;;;;;;non;', // undeclared without discovery date
      'Serveur;Dell;R650;S8;;;;;;', // one cell missing
      ';;;;;;;;;;', // blank row (ignored, not a record)
      'Serveur;;;;;;;;;;', // nothing identifies it
      'Serveur;Dell;R650;S1;;;;;;;;', // one cell too many
    ];
    const csv = parsed([header, ...rows].join('\n'));
    const plan = planImport(csv, guessMapping(csv.headers), ctx);
    expect(plan.accepted.map((a) => [a.line, a.kind])).toEqual([
      [2, 'new'],
      [3, 'new'],
      [6, 'unchanged'],
    ]);
    expect(draftOf(plan.accepted[1])).toMatchObject({
      category: 'other',
      categoryLabel: 'Grille-pain',
      status: 'in-service',
      statusLabel: 'Prêté',
    });
    const reasons = Object.fromEntries(plan.rejected.map((r) => [r.line, r.reasons]));
    expect(reasons[4]).toEqual(['Date d’achat : date « 31/02/2024 » inexistante']);
    expect(reasons[5]).toEqual([
      'Date d’achat : date « 32/13/2020 » inexistante',
      'Numéro de série : « s-1 » déjà présent ligne 2',
    ]);
    expect(reasons[7]).toEqual(['Sous contrat : « peut-être » n’est ni oui ni non']);
    expect(reasons[8]).toEqual([
      'Date de découverte : Un équipement non déclaré doit avoir sa date de découverte.',
    ]);
    expect(reasons[9]).toEqual(['10 cellule(s) au lieu de 11 : séparateur ou guillemet mal placé']);
    expect(reasons[11]![0]).toMatch(/Indiquez au moins un numéro de série/);
    expect(reasons[12]).toEqual([
      '12 cellule(s) au lieu de 11 : séparateur ou guillemet mal placé',
    ]);
    expect(plan.warnings).toEqual([
      {
        line: 4,
        field: 'site',
        message:
          'Site : « Annexe » n’est pas un site de ce client : importé sans site, le nom gardé dans le lieu',
      },
    ]);
    expect([...plan.unknownSites]).toEqual([['Annexe', 1]]);
    // Every non-blank data row is either accepted or rejected.
    expect(plan.accepted.length + plan.rejected.length).toBe(csv.rows.length);
  });

  it('keeps inventory numbers unique per client, in the file and against the client', () => {
    const csv = parsed(
      [
        'Numéro de série;Numéro d’inventaire;Nom',
        'A1;INV-1;PC-1',
        'A2;inv 1;PC-2', // same tag as line 2
        'A3;INV-9;PC-3', // the tag of OLD1, another serial
        'OLD1;INV-9;SRV', // OLD1 itself: its own tag is fine
      ].join('\n'),
    );
    const plan = planImport(csv, guessMapping(csv.headers), ctx);
    expect(plan.rejected.map((r) => [r.line, r.reasons])).toEqual([
      [3, ['Numéro d’inventaire : « inv 1 » déjà présent ligne 2']],
      [
        4,
        [
          'Numéro d’inventaire : « INV-9 » appartient déjà à un autre équipement de ce client (n° de série OLD1)',
        ],
      ],
    ]);
    expect(plan.accepted.map((a) => [a.line, a.kind])).toEqual([
      [2, 'new'],
      [5, 'changed'],
    ]);
  });

  it('matches re-imported rows by serial, then inventory number, then hostname, and changes only the mapped fields', () => {
    const bySerial = existing('1', { serialNumber: 'S-1', hostname: 'PC-1', assignedUser: 'Anne' });
    const byTag = existing('2', { assetTag: 'T-2', hostname: 'PC-2', notes: 'garder' });
    const byHost = existing('3', { hostname: 'IMPRIMANTE-1', category: 'printer' });
    const twins = [existing('4', { hostname: 'PC-X' }), existing('5', { hostname: 'PC-X' })];
    const context = { ...ctx, existing: [bySerial, byTag, byHost, ...twins] };
    const csv = parsed(
      [
        'Numéro de série;Numéro d’inventaire;Nom;Utilisateur',
        's 1;;PC-1;Anne',
        ';T-2;PC-2;Bruno',
        ';;imprimante-1;Accueil',
        ';;PC-X;Chloé',
      ].join('\n'),
    );
    const plan = planImport(csv, guessMapping(csv.headers), context);
    expect(plan.rejected).toEqual([]);
    expect(plan.accepted).toEqual([
      // The serial written differently ("s 1" for "S-1") is the same serial: no change.
      { kind: 'unchanged', line: 2, existingId: bySerial.id },
      {
        kind: 'changed',
        line: 3,
        existingId: byTag.id,
        patch: { assignedUser: 'Bruno' },
        changes: [{ field: 'assignedUser', before: null, after: 'Bruno' }],
      },
      {
        kind: 'changed',
        line: 4,
        existingId: byHost.id,
        patch: { assignedUser: 'Accueil' },
        changes: [{ field: 'assignedUser', before: null, after: 'Accueil' }],
      },
      // Two records named PC-X: no guess, a new record.
      expect.objectContaining({ kind: 'new', line: 5 }),
    ]);
  });

  it('reads GLPI’s warranty start and duration, and its location path', () => {
    const csv = parsed(
      [
        'Nom;Lieu;Date de début de garantie;Durée de garantie',
        'PC-1;Siège > Salle serveur > Baie 2;2023-01-31;36',
        'PC-2;Annexe > Bureau 3;2024-03-01;3 ans',
        'PC-3;Accueil;2024-03-01;',
      ].join('\r\n'),
    );
    const plan = planImport(csv, guessMapping(csv.headers), ctx);
    expect(plan.rejected).toEqual([]);
    expect(
      plan.accepted.map(draftOf).map((d) => [d?.siteId, d?.location, d?.warrantyEndDate]),
    ).toEqual([
      [SITE, 'Salle serveur > Baie 2', '2026-01-30'],
      [null, 'Annexe > Bureau 3', '2027-02-28'],
      [null, 'Accueil', null],
    ]);
    expect(plan.warnings.map((w) => [w.line, w.field])).toEqual([
      [3, 'location'],
      [4, 'warrantyMonths'],
    ]);
    expect([...plan.unknownSites]).toEqual([['Annexe', 1]]);
  });

  it('warns on cells Excel damaged, and imports the row', () => {
    const csv = parsed(
      [
        'Serial;Asset tag;Name',
        '6.37702E+15;004512;PC-1',
        '5CD1234;4513;PC-2',
        '5CD1235;004514;PC-3',
        '5CD1236;004515;PC-4',
      ].join('\n'),
    );
    const plan = planImport(csv, guessMapping(csv.headers), ctx);
    expect(plan.accepted).toHaveLength(4);
    expect(plan.warnings.map((w) => [w.line, w.field, w.message])).toEqual([
      [2, 'serialNumber', expect.stringMatching(/^Numéro de série : notation scientifique/)],
      [
        3,
        'assetTag',
        'Numéro d’inventaire : zéros en tête probablement perdus par Excel (4 chiffres au lieu de 6 : « 004513 » ?)',
      ],
    ]);
  });

  it('keeps formula-looking cells as plain text and reads back our neutralised export', () => {
    const csv = parsed("Numéro de série;Commentaires\nS1;=cmd|' /C calc'!A0\nS2;'=SOMME(A1)\n");
    const plan = planImport(csv, guessMapping(csv.headers), ctx);
    expect(plan.accepted.map((a) => draftOf(a)?.notes)).toEqual([
      "=cmd|' /C calc'!A0",
      '=SOMME(A1)',
    ]);
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
    // SN-1 comes back on lines 8, 15 and 22.
    expect(whole.rejected.map((r) => r.line)).toEqual([8, 15, 22]);
    for (const size of [1, 4, 10, 23, 100]) {
      const batches = [...planImportBatches(csv, mapping, ctx, size)];
      expect(batches).toHaveLength(Math.ceil(23 / size));
      expect(batches.flatMap((b) => b.accepted)).toEqual(whole.accepted);
      expect(batches.flatMap((b) => b.rejected)).toEqual(whole.rejected);
      expect(batches[0]!.accepted.length + batches[0]!.rejected.length).toBe(Math.min(size, 23));
    }
  });
});
