import { afterEach, describe, expect, it } from 'vitest';
import type { BordereauDb } from '../../../renderer/db/database';
import { searchEquipment } from '../../../renderer/db/equipment-search';
import {
  importEquipment,
  previewImport,
  rememberedValueMapping,
} from '../../../renderer/db/equipment-import';
import { createClient } from '../../../renderer/db/repositories/clients';
import { createEquipment, findBySerial } from '../../../renderer/db/repositories/equipment';
import { createSite } from '../../../renderer/db/repositories/sites';
import { guessMapping } from '../../../shared/inventory/csv/columns';
import { readInventoryFile } from '../../../shared/inventory/csv/read-file';
import type { InventoryFile } from '../../../shared/inventory/csv/read-file';
import { englishExport, glpiExport } from '../../fixtures/inventory/files';
import { parseCsv } from '../../../shared/inventory/csv/parse';
import type { ParsedCsv } from '../../../shared/inventory/csv/parse';
import { freshDb } from './fresh-db';
import { countOutbox, readOutbox } from '../../../renderer/db/outbox';

let db: BordereauDb;
afterEach(() => db?.close());

function csvOf(text: string): ParsedCsv {
  const r = parseCsv(text);
  if (!r.ok) throw new Error(r.message);
  return r;
}

const FILE = [
  '\uFEFFNom;Type;Fabricant;Modèle;Numéro de série;Site;Statut',
  'COMPTA-01;Ordinateur portable;Dell;Latitude 5440;SN-001;Siège;En service',
  'COMPTA-02;Ordinateur;HP;ProDesk;SN-002;Entrepôt;En service',
  'COMPTA-03;Grille-pain;HP;ProDesk;SN-003;;',
  'COMPTA-04;Ecran;Dell;P2422H;sn 001;;',
  'COMPTA-05;Serveur;Dell;R650;EXISTING-1;;',
  'SRV-01;Serveur;Dell;R650;SN-006;siege;Rebut',
].join('\r\n');

describe('importEquipment', () => {
  it('saves the accepted rows and reports each rejected one, previewed identically', async () => {
    db = freshDb();
    const client = await createClient(db, { name: 'Garage Lefèvre' });
    await createSite(db, {
      clientId: client.id,
      name: 'Siège',
      address: '2 rue de la Gare',
      postcode: '69003',
      city: 'Lyon',
    });
    await createEquipment(db, {
      clientId: client.id,
      category: 'server',
      serialNumber: 'existing1',
    });
    const csv = csvOf(FILE);
    const mapping = guessMapping(csv.headers);
    const preview = await previewImport(db, client.id, csv, { mapping });
    const outboxBefore = await countOutbox(db);
    expect(await db.equipment.count()).toBe(1);

    const result = await importEquipment(db, client.id, csv, { mapping }, { now: 77 });
    expect(result.accepted).toEqual(preview.plan.accepted);
    expect(result.rejected).toEqual(preview.plan.rejected);
    expect(result.warnings).toEqual(preview.plan.warnings);
    // Unknown site and category: imported (no site, name kept in the room; "Autre" with the
    // file's label); the existing serial is an update of that record, not a duplicate.
    expect(result.imported.map((e) => e.hostname)).toEqual([
      'COMPTA-01',
      'COMPTA-02',
      'COMPTA-03',
      'SRV-01',
    ]);
    expect(result.rejected.map((r) => [r.line, r.reasons])).toEqual([
      [5, ['Numéro de série : « sn 001 » déjà présent ligne 2']],
    ]);
    expect(result.warnings).toEqual([
      {
        line: 3,
        field: 'site',
        message:
          'Site : « Entrepôt » n’est pas un site de ce client : importé sans site, le nom gardé dans le lieu',
      },
    ]);
    expect(result.updated.map((e) => [e.serialNumber, e.hostname, e.brand, e.model])).toEqual([
      // Our spelling of the serial is kept: "EXISTING-1" is the same serial.
      ['existing1', 'COMPTA-05', 'Dell', 'R650'],
    ]);
    expect(await db.equipment.count()).toBe(5);
    expect(await countOutbox(db)).toBe(outboxBefore + 5);
    const toaster = result.imported.find((e) => e.hostname === 'COMPTA-03');
    expect(toaster).toMatchObject({ category: 'other', categoryLabel: 'Grille-pain' });
    const depot = result.imported.find((e) => e.hostname === 'COMPTA-02');
    expect(depot).toMatchObject({ siteId: null, location: 'Entrepôt' });
    const srv = await findBySerial(db, client.id, 'SN006');
    expect(srv).toMatchObject({ status: 'retired', category: 'server', updatedAt: 77 });
  });

  it('imports nothing at all when the write fails half-way', async () => {
    db = freshDb();
    const client = await createClient(db, { name: 'X' });
    await createSite(db, {
      clientId: client.id,
      name: 'Siège',
      address: 'a',
      postcode: '75001',
      city: 'Paris',
    });
    const before = await countOutbox(db);
    let calls = 0;
    db.outbox.hook('creating', () => {
      calls += 1;
      if (calls === 2) throw new Error('quota dépassé');
    });
    const csv = csvOf(FILE);
    await expect(
      importEquipment(db, client.id, csv, { mapping: guessMapping(csv.headers) }),
    ).rejects.toThrow();
    expect(await db.equipment.count()).toBe(0);
    expect(await countOutbox(db)).toBe(before);
  });

  it('writes a file of several batches whole: every row with its outbox entry, duplicates across batches rejected', async () => {
    db = freshDb();
    const client = await createClient(db, { name: 'Grand compte' });
    const lines = ['Nom;Numéro de série;Type'];
    for (let i = 1; i <= 2_500; i++)
      lines.push(`PC-${i};${i === 2_400 ? 'SN-3' : `SN-${i}`};Ordinateur`);
    const csv = csvOf(lines.join('\n'));
    const before = await countOutbox(db);
    const result = await importEquipment(
      db,
      client.id,
      csv,
      { mapping: guessMapping(csv.headers) },
      {
        now: 99,
      },
    );
    expect(result.rejected.map((r) => [r.line, r.reasons[0]])).toEqual([
      [2_401, 'Numéro de série : « SN-3 » déjà présent ligne 4'],
    ]);
    expect(result.imported).toHaveLength(2_499);
    expect(result.imported.map((e) => e.hostname).slice(998, 1_001)).toEqual([
      'PC-999',
      'PC-1000',
      'PC-1001',
    ]);
    expect(await db.equipment.where('clientId').equals(client.id).count()).toBe(2_499);
    const queued = (await readOutbox(db)).slice(before);
    expect(queued).toHaveLength(2_499);
    // One outbox row per batch of a thousand rows, each creation with its own id, in order.
    expect(await db.outbox.count()).toBe(before + 3);
    const ids = queued.map((m) => m.mutationId);
    expect(ids).toEqual(ids.map((_, i) => ids[0]! + i));
    expect(new Set(queued.map((m) => m.recordId))).toEqual(
      new Set(result.imported.map((e) => e.id)),
    );
    expect(
      queued.every(
        (m) =>
          m.op === 'upsert' &&
          m.at === 99 &&
          !('searchTokens' in m.changes) &&
          !('serialKey' in m.changes),
      ),
    ).toBe(true);
    const found = await searchEquipment(db, 'n-2499');
    expect(found.map((e) => e.hostname)).toEqual(['PC-2499']);
  });

  it('rolls back the batches already written when a later one fails', async () => {
    db = freshDb();
    const client = await createClient(db, { name: 'Y' });
    const before = await countOutbox(db);
    let calls = 0;
    // The outbox rows of this import: the id probe, then one creation batch per 1,000 rows:
    // the second batch fails once the first is written.
    db.outbox.hook('creating', () => {
      calls += 1;
      if (calls === 3) throw new Error('quota dépassé');
    });
    const lines = ['Nom;Numéro de série;Type'];
    for (let i = 1; i <= 2_000; i++) lines.push(`PC-${i};SN-${i};Ordinateur`);
    const csv = csvOf(lines.join('\n'));
    await expect(
      importEquipment(db, client.id, csv, { mapping: guessMapping(csv.headers) }),
    ).rejects.toThrow();
    expect(calls).toBe(3);
    expect(await db.equipment.count()).toBe(0);
    expect(await countOutbox(db)).toBe(before);
  });
});

async function fileOf(bytes: Uint8Array): Promise<InventoryFile> {
  const file = await readInventoryFile(bytes);
  if (!file.ok) throw new Error(file.message);
  return file;
}

async function clientWithSiege(name: string) {
  const client = await createClient(db, { name });
  await createSite(db, {
    clientId: client.id,
    name: 'Siège',
    address: '12 rue Nationale',
    postcode: '59000',
    city: 'Lille',
  });
  return client;
}

describe('re-importing a client’s file', () => {
  it('adds nothing the second time and reports every row unchanged', async () => {
    db = freshDb();
    const client = await clientWithSiege('Cabinet Vauban');
    const file = await fileOf(glpiExport());
    const mapping = guessMapping(file.headers);
    const first = await importEquipment(db, client.id, file, { mapping }, { now: 10 });
    expect([first.imported.length, first.updated.length, first.unchanged]).toEqual([28, 0, 0]);
    expect(first.rejected).toHaveLength(1);
    expect(new Set(first.warnings.map((w) => w.line)).size).toBe(2);
    const outbox = await countOutbox(db);

    const again = await importEquipment(db, client.id, file, { mapping }, { now: 20 });
    expect([again.imported.length, again.updated.length, again.unchanged]).toEqual([0, 0, 28]);
    expect(again.accepted.every((r) => r.kind === 'unchanged')).toBe(true);
    expect(again.rejected.map((r) => r.line)).toEqual([30]);
    expect(await db.equipment.where('clientId').equals(client.id).count()).toBe(28);
    // The printer without a serial number is found again by its inventory number.
    const printer = again.accepted.find((r) => r.line === 27);
    expect(printer?.kind).toBe('unchanged');
    expect(await countOutbox(db)).toBe(outbox);
  });

  it('updates exactly the changed fields, or nothing in add-only mode', async () => {
    db = freshDb();
    const client = await clientWithSiege('Cabinet Vauban');
    const original = await fileOf(glpiExport());
    const mapping = guessMapping(original.headers);
    await importEquipment(db, client.id, original, { mapping }, { now: 10 });
    // COMPTA-03 has a new user; PORT-05 went to the server room; one new laptop.
    const text = new TextDecoder()
      .decode(glpiExport())
      .replace('"Utilisateur 3"', '"Nouvelle recrue"')
      .replace(/("PORT-05";(?:"[^"]*";){7})"Siège > Open space"/, '$1"Siège > Salle serveur"')
      .replace(
        /\r\n$/,
        '\r\n"PORT-13";"";"En production";"Dell";"Portable";"Latitude 5450";"5CD20013";"INV-2013";"Siège > Open space";"";"2024-01-02";"2024-01-02";"24"\r\n',
      );
    const changed = await fileOf(new TextEncoder().encode(text));
    expect(changed.rows).toHaveLength(original.rows.length + 1);

    const preview = await previewImport(db, client.id, changed, { mapping });
    const changes = preview.plan.accepted.flatMap((r) =>
      r.kind === 'changed' ? [[r.line, r.changes]] : [],
    );
    expect(changes).toEqual([
      [4, [{ field: 'assignedUser', before: 'Utilisateur 3', after: 'Nouvelle recrue' }]],
      [16, [{ field: 'location', before: 'Open space', after: 'Salle serveur' }]],
    ]);

    const addOnly = await importEquipment(
      db,
      client.id,
      changed,
      { mapping },
      {
        now: 20,
        mode: 'add-only',
      },
    );
    expect([addOnly.imported.length, addOnly.updated.length, addOnly.unchanged]).toEqual([
      1, 0, 28,
    ]);
    const compta3 = await db.equipment
      .where('clientId')
      .equals(client.id)
      .filter((e) => e.hostname === 'COMPTA-03')
      .first();
    expect(compta3?.assignedUser).toBe('Utilisateur 3');

    const outbox = await countOutbox(db);
    const update = await importEquipment(db, client.id, changed, { mapping }, { now: 30 });
    expect([update.imported.length, update.updated.length, update.unchanged]).toEqual([0, 2, 27]);
    const after = await db.equipment.get(compta3!.id);
    expect(after).toEqual({ ...compta3, assignedUser: 'Nouvelle recrue', updatedAt: 30 });
    // The office receives only the changed fields.
    const queued = (await readOutbox(db)).slice(outbox);
    expect(queued.map((m) => Object.keys(m.changes).sort())).toEqual([
      ['assignedUser', 'updatedAt'],
      ['location', 'updatedAt'],
    ]);
  });

  it('remembers the values’ mapping for the client’s next import', async () => {
    db = freshDb();
    const client = await createClient(db, { name: 'Startup' });
    const file = await fileOf(englishExport());
    const mapping = guessMapping(file.headers);
    const first = await previewImport(db, client.id, file, { mapping });
    expect(first.values.category['KIOSK']).toBe('other');
    await importEquipment(db, client.id, file, {
      mapping,
      values: { category: { KIOSK: 'tablet' }, status: { READYTODEPLOY: 'under-repair' } },
    });
    const kiosk = await db.equipment
      .where('clientId')
      .equals(client.id)
      .filter((e) => e.hostname === 'KIOSK-1')
      .first();
    expect(kiosk).toBeUndefined(); // its date is unreadable: rejected, not imported
    const lt1 = await db.equipment
      .where('clientId')
      .equals(client.id)
      .filter((e) => e.hostname === 'LT-001')
      .first();
    expect(lt1).toMatchObject({ status: 'under-repair', statusLabel: 'Ready to Deploy' });
    expect(await rememberedValueMapping(db, client.id)).toMatchObject({
      category: { KIOSK: 'tablet', DESKTOP: 'desktop' },
      status: { READYTODEPLOY: 'under-repair' },
    });
    const next = await previewImport(db, client.id, file, { mapping });
    expect(next.values.category['KIOSK']).toBe('tablet');
    expect(next.values.status['READYTODEPLOY']).toBe('under-repair');
  });
});
