import { afterEach, describe, expect, it } from 'vitest';
import type { BordereauDb } from '../../../../renderer/db/database';
import { saveClient } from '../../../../renderer/use-cases/clients/client-records';
import {
  HEADER_ONLY_MESSAGE,
  importInventory,
  importWrites,
  previewInventoryImport,
  readImportFile,
} from '../../../../renderer/use-cases/inventory/import-inventory';
import { saveEquipment } from '../../../../renderer/use-cases/inventory/save-equipment';
import { emptyFormValues } from '../../../../shared/inventory/equipment-form';
import type { InventoryFile } from '../../../../shared/inventory/csv/read-file';
import { freshDb } from '../../db/fresh-db';
import { countOutbox } from '../../../../renderer/db/outbox';
import { testDeps } from '../deps';

let db: BordereauDb;
afterEach(() => db?.close());

const NOW = 1_780_000_000_000;

const bytes = (lines: readonly string[]) => new TextEncoder().encode(lines.join('\r\n'));

const FILE = [
  'Nom;Type;Fabricant;Modèle;Numéro de série',
  'COMPTA-01;Ordinateur portable;Dell;Latitude 5440;SN-001',
  'COMPTA-02;Grille-pain;HP;ProDesk;SN-002',
  'COMPTA-03;Serveur;Dell;R650;SN-003',
];

async function read(lines: readonly string[]): Promise<InventoryFile> {
  const file = await readImportFile(bytes(lines));
  if (!file.ok) throw new Error(file.message);
  return file;
}

async function withClient() {
  db = freshDb();
  const deps = testDeps(db, NOW);
  const client = await saveClient(deps, { fields: { name: 'Garage Lefèvre' } });
  return { deps, clientId: client.id };
}

describe('readImportFile', () => {
  it('reads a CSV, and refuses one with only its header in French', async () => {
    const file = await read(FILE);
    expect(file.headers).toEqual(['Nom', 'Type', 'Fabricant', 'Modèle', 'Numéro de série']);
    expect(file.rows).toHaveLength(3);
    expect(await readImportFile(bytes([FILE[0]!]))).toEqual({
      ok: false,
      message: HEADER_ONLY_MESSAGE,
    });
    expect(HEADER_ONLY_MESSAGE).toBe(
      'Le fichier ne contient que l’en-tête : aucune ligne à importer.',
    );
  });
});

describe('previewInventoryImport then importInventory', () => {
  it('previews without writing, then imports what the preview showed at the clock’s time', async () => {
    const { deps, clientId } = await withClient();
    const file = await read(FILE);
    const outbox = await countOutbox(db);
    const preview = await previewInventoryImport(deps, { clientId, file, choices: {} });
    expect(preview.mapping.serialNumber).toBe(4);
    expect(preview.plan.accepted.map((r) => r.kind)).toEqual(['new', 'new', 'new']);
    // "Grille-pain" is no category of ours: "Autre" unless chosen otherwise.
    expect(preview.categoryValues.map((v) => v.value)).toContain('Grille-pain');
    expect(importWrites(preview, 'update')).toBe(3);
    expect(await db.equipment.count()).toBe(0);
    expect(await countOutbox(db)).toBe(outbox);

    const progress: number[] = [];
    const result = await importInventory(deps, {
      clientId,
      file,
      choices: { mapping: preview.mapping, dateOrder: preview.dateOrder, values: preview.values },
      mode: 'update',
      onProgress: (done) => progress.push(done),
    });
    expect(result.imported).toHaveLength(3);
    expect(progress.at(-1)).toBe(3);
    const stored = await db.equipment.where('clientId').equals(clientId).toArray();
    expect(stored.map((e) => e.serialNumber).sort()).toEqual(['SN-001', 'SN-002', 'SN-003']);
    expect(stored.every((e) => e.updatedAt === NOW)).toBe(true);
    expect(stored.find((e) => e.serialNumber === 'SN-002')).toMatchObject({
      category: 'other',
      categoryLabel: 'Grille-pain',
    });
    expect(await countOutbox(db)).toBe(outbox + 3);
  });

  it('updates the equipment the file changes, or leaves it alone in add-only mode', async () => {
    const { deps, clientId } = await withClient();
    const known = await saveEquipment(deps, {
      values: { ...emptyFormValues(clientId, null), category: 'laptop', serialNumber: 'SN-001' },
    });
    const file = await read(FILE);
    const preview = await previewInventoryImport(deps, { clientId, file, choices: {} });
    expect(preview.plan.accepted.map((r) => r.kind)).toEqual(['changed', 'new', 'new']);
    expect(importWrites(preview, 'add-only')).toBe(2);
    const choices = {
      mapping: preview.mapping,
      dateOrder: preview.dateOrder,
      values: preview.values,
    };

    const addOnly = await importInventory(deps, { clientId, file, choices, mode: 'add-only' });
    expect(addOnly).toMatchObject({ unchanged: 1, updated: [] });
    expect((await db.equipment.get(known.id))?.hostname).toBe('');

    deps.setNow(NOW + 1000);
    const update = await importInventory(deps, { clientId, file, choices, mode: 'update' });
    expect(update.updated.map((e) => e.id)).toEqual([known.id]);
    expect(await db.equipment.get(known.id)).toMatchObject({
      hostname: 'COMPTA-01',
      updatedAt: NOW + 1000,
    });
    expect(await db.equipment.count()).toBe(3);
  });

  it('refuses a mapping that names no identifying column, before writing anything', async () => {
    const { deps, clientId } = await withClient();
    const file = await read(FILE);
    const preview = await previewInventoryImport(deps, { clientId, file, choices: {} });
    const mapping = {
      ...preview.mapping,
      serialNumber: null,
      assetTag: null,
      hostname: null,
      model: null,
    };
    await expect(
      importInventory(deps, {
        clientId,
        file,
        choices: { mapping, dateOrder: preview.dateOrder, values: preview.values },
        mode: 'update',
      }),
    ).rejects.toThrow(
      'Associez au moins une colonne au numéro de série, au numéro d’inventaire, au nom ou au modèle.',
    );
    expect(await db.equipment.count()).toBe(0);
  });
});
