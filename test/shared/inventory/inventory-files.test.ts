import { describe, expect, it } from 'vitest';
import { importCounts } from '../../../shared/inventory/csv/import-counts';
import { analyseImport } from '../../../shared/inventory/csv/import-analysis';
import type { AcceptedRow } from '../../../shared/inventory/csv/import-plan';
import { readInventoryFile } from '../../../shared/inventory/csv/read-file';
import type { InventoryFile } from '../../../shared/inventory/csv/read-file';
import type { EquipmentDraft } from '../../../shared/inventory/equipment';
import {
  englishExport,
  glpiExport,
  macRomanExport,
  windows1252Export,
  xlsxInventory,
} from '../../fixtures/inventory/files';

const CLIENT = '0192b3c4-0000-7000-8000-000000000001';
const SIEGE = '0192b3c4-0000-7000-8000-000000000002';
const ctx = { clientId: CLIENT, sites: [{ id: SIEGE, name: 'Siège' }], existing: [] };

async function read(bytes: Uint8Array): Promise<InventoryFile> {
  const file = await readInventoryFile(bytes);
  if (!file.ok) throw new Error(file.message);
  return file;
}

const drafts = (accepted: readonly AcceptedRow[]) =>
  accepted.flatMap((r) => (r.kind === 'new' ? [r.draft] : []));
const byHost = (items: readonly EquipmentDraft[], hostname: string) =>
  items.find((d) => d.hostname === hostname);

describe('inventory files as clients send them', () => {
  it('reads a GLPI export: types, location path, warranty start + duration', async () => {
    const file = await read(glpiExport());
    expect([file.encoding, file.encodingFrom, file.delimiter, file.lineEnding]).toEqual([
      'utf-8',
      'bom',
      ';',
      'CRLF',
    ]);
    const analysis = analyseImport(file, ctx);
    expect(analysis.dateOrder).toBe('ymd');
    expect(importCounts(analysis.plan)).toEqual({
      new: 28,
      changed: 0,
      unchanged: 0,
      rejected: 1,
      warned: 2,
    });
    expect(analysis.plan.rejected).toEqual([
      expect.objectContaining({
        line: 30,
        reasons: ['Numéro de série : « cz c01-001 » déjà présent ligne 2'],
      }),
    ]);
    expect(analysis.plan.warnings.map((w) => [w.line, w.field])).toEqual([
      [10, 'location'],
      [11, 'location'],
    ]);
    const items = drafts(analysis.plan.accepted);
    const count = (c: string) => items.filter((d) => d.category === c).length;
    expect([count('desktop'), count('laptop'), count('server'), count('printer')]).toEqual([
      10, 12, 3, 2,
    ]);
    expect(byHost(items, 'COMPTA-01')).toMatchObject({
      siteId: SIEGE,
      location: 'Bureau 1',
      purchaseDate: '2021-03-15',
      // 36 months from 15/03/2021: the last covered day is 14/03/2024.
      warrantyEndDate: '2024-03-14',
      status: 'in-service',
      assetTag: 'INV-1001',
    });
    expect(byHost(items, 'COMPTA-09')).toMatchObject({
      siteId: null,
      location: 'Agence Lyon > Accueil',
    });
    expect(byHost(items, 'PORT-01')).toMatchObject({ warrantyEndDate: '2025-01-30' });
    expect(byHost(items, 'PORT-12')).toMatchObject({
      status: 'in-service',
      statusLabel: 'En stock',
    });
    expect(byHost(items, 'ACCUEIL-TEL')).toMatchObject({
      category: 'other',
      categoryLabel: 'Tout-en-un',
    });
    expect(byHost(items, 'IMP-ACCUEIL')).toMatchObject({
      serialNumber: '',
      warrantyEndDate: null,
    });
    expect(analysis.categoryValues.map((v) => [v.value, v.count])).toEqual([
      ['Portable', 13],
      ['Bureau', 10],
      ['Serveur', 3],
      ['Imprimante', 2],
      ['Tout-en-un', 1],
    ]);
  });

  it('reads an English export with US dates and Excel-mangled numbers', async () => {
    const file = await read(englishExport());
    expect([file.encoding, file.delimiter, file.lineEnding]).toEqual(['utf-8', ',', 'LF']);
    const analysis = analyseImport(file, ctx);
    expect(analysis.detectedDateOrder).toEqual({ order: 'mdy', from: 'data' });
    expect(importCounts(analysis.plan)).toEqual({
      new: 8,
      changed: 0,
      unchanged: 0,
      rejected: 1,
      warned: 1,
    });
    expect(analysis.plan.rejected.map((r) => [r.line, r.reasons])).toEqual([
      [7, ['Date d’achat : date « Jun 5, 2021 » illisible (MM/JJ/AAAA attendu)']],
    ]);
    expect(analysis.plan.warnings.map((w) => [w.line, w.field])).toEqual([
      [4, 'serialNumber'],
      [4, 'assetTag'],
    ]);
    const items = drafts(analysis.plan.accepted);
    expect(byHost(items, 'WS-001')).toMatchObject({
      category: 'desktop',
      purchaseDate: '2016-04-05',
      warrantyEndDate: '2019-04-05',
      assignedUser: 'Alice Martin',
      assetTag: '000101',
    });
    expect(byHost(items, 'LT-001')).toMatchObject({
      serialNumber: '6.37702E+15',
      purchaseDate: '2019-12-31',
      status: 'in-service',
      statusLabel: 'Ready to Deploy',
    });
    expect(byHost(items, 'LT-003')).toMatchObject({ status: 'under-repair' });
    expect(byHost(items, 'LT-004')).toMatchObject({ status: 'retired' });
    expect(byHost(items, 'MON-001')).toMatchObject({ category: 'screen' });

    // Read day first instead, "4/25/16" or "12/31/2019" no longer exist and "4/5/16" is 4 May.
    const dmy = analyseImport(file, ctx, { dateOrder: 'dmy' });
    expect(dmy.plan.rejected.map((r) => r.line)).toEqual([3, 4, 5, 7, 8]);
    expect(byHost(drafts(dmy.plan.accepted), 'WS-001')?.purchaseDate).toBe('2016-05-04');
  });

  it('reads a Windows-1252 file with its accents, and shows what a wrong encoding does', async () => {
    const bytes = windows1252Export();
    const file = await read(bytes);
    expect([file.encoding, file.encodingFrom, file.delimiter, file.lineEnding]).toEqual([
      'windows-1252',
      'detected',
      ';',
      'CRLF',
    ]);
    expect(file.sample[1]).toContain('Hélène Durand;Réception;12/03/2021;Écran changé');
    const analysis = analyseImport(file, ctx);
    expect(importCounts(analysis.plan)).toEqual({
      new: 7,
      changed: 0,
      unchanged: 0,
      rejected: 1,
      warned: 0,
    });
    expect(analysis.plan.rejected.map((r) => [r.line, r.reasons])).toEqual([
      [9, ['Date d’achat : date « 31/02/2019 » inexistante']],
    ]);
    const items = drafts(analysis.plan.accepted);
    expect(byHost(items, 'COMPTA-02')).toMatchObject({
      category: 'laptop',
      assignedUser: 'Françoise Côté',
      location: 'Comptabilité',
      notes: 'prêt à l’agence',
      purchaseDate: '2022-09-01',
    });
    expect(byHost(items, 'SALLE-REUNION')).toMatchObject({ category: 'screen' });

    const asUtf8 = await readInventoryFile(bytes, { encoding: 'utf-8' });
    expect(asUtf8.ok && asUtf8.sample[1]).toContain('H�l�ne');
    expect(asUtf8.ok && asUtf8.encodingFrom).toBe('chosen');
  });

  it('reads a Mac Roman file with CR-only line ends and two columns of the same name', async () => {
    const file = await read(macRomanExport());
    expect([file.encoding, file.delimiter, file.lineEnding]).toEqual(['macintosh', ';', 'CR']);
    expect(file.headers).toEqual([
      'Nom',
      'Type',
      'N° de série',
      'Utilisateur',
      'Commentaire',
      'Commentaire (2)',
    ]);
    const analysis = analyseImport(file, ctx);
    expect(importCounts(analysis.plan)).toEqual({
      new: 5,
      changed: 0,
      unchanged: 0,
      rejected: 1,
      warned: 0,
    });
    const items = drafts(analysis.plan.accepted);
    expect(byHost(items, 'MAC-GRAPH-1')).toMatchObject({
      category: 'mac',
      assignedUser: 'Élodie Bérard',
      notes: 'écran 27" — garantie étendue',
    });
    expect(byHost(items, 'MAC-GRAPH-2')).toMatchObject({ assignedUser: 'Noël Garçon', notes: '' });
    expect(byHost(items, 'IMP-COULEUR')).toMatchObject({
      category: 'printer',
      notes: 'toner à commander — contrat Xérox',
    });
  });

  it('reads an .xlsx: date cells, a serial typed as a number, blank cells', async () => {
    const file = await read(await xlsxInventory());
    expect([file.format, file.encoding, file.delimiter]).toEqual(['xlsx', null, null]);
    const analysis = analyseImport(file, ctx);
    expect(importCounts(analysis.plan)).toEqual({
      new: 5,
      changed: 0,
      unchanged: 0,
      rejected: 1,
      warned: 0,
    });
    const items = drafts(analysis.plan.accepted);
    expect(byHost(items, 'PC-ACCUEIL')).toMatchObject({
      category: 'desktop',
      purchaseDate: '2022-05-02',
      warrantyEndDate: '2025-05-01',
    });
    expect(byHost(items, 'ONDULEUR')).toMatchObject({
      category: 'ups',
      serialNumber: '1234567890123',
      status: 'under-repair',
      warrantyEndDate: null,
    });
    expect(byHost(items, 'TEL-1')).toMatchObject({
      category: 'smartphone',
      status: 'in-service',
      statusLabel: 'Prêté',
    });
  });

  it('refuses what it cannot read, in French', async () => {
    const xls = await readInventoryFile(new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1]));
    expect(!xls.ok && xls.message).toMatch(/Excel 97-2003/);
    const zip = await readInventoryFile(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0, 0, 0, 0]));
    expect(!zip.ok && zip.message).toMatch(/^Classeur Excel illisible/);
  });
});
