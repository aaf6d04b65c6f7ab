import { ZodError } from 'zod';
import { afterEach, describe, expect, it } from 'vitest';
import type { BordereauDb } from '../../../renderer/db/database';
import { searchEquipment } from '../../../renderer/db/equipment-search';
import { createClient, listClients, updateClient } from '../../../renderer/db/repositories/clients';
import { createContact, listContacts } from '../../../renderer/db/repositories/contacts';
import { listContracts, saveContract } from '../../../renderer/db/repositories/contracts';
import {
  createEquipment,
  DuplicateSerialError,
  listEquipment,
  retireEquipment,
  updateEquipment,
} from '../../../renderer/db/repositories/equipment';
import { createSite, listSites } from '../../../renderer/db/repositories/sites';
import {
  createSubscription,
  listSubscriptions,
} from '../../../renderer/db/repositories/subscriptions';
import {
  createCatalogueItem,
  DuplicateCatalogueCodeError,
} from '../../../renderer/db/repositories/catalogue';
import { putRecords } from '../../../renderer/db/changes';
import { generateDemoData } from '../../../shared/seed/demo-data';
import { freshDb } from './fresh-db';
import { readOutbox } from '../../../renderer/db/outbox';

let db: BordereauDb;
afterEach(() => db?.close());

describe('clients, sites, contacts, contracts', () => {
  it('creates records with UUIDv7 ids, no revision, and French validation messages', async () => {
    db = freshDb();
    const client = await createClient(
      db,
      { name: '  Cabinet Durand ', city: 'Nantes' },
      { now: 10 },
    );
    expect(client).toMatchObject({ name: 'Cabinet Durand', revision: null, updatedAt: 10 });
    expect(client.id).toMatch(/^[0-9a-f-]{14}7/);
    const err = await createClient(db, { name: '' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ZodError);
    expect((err as ZodError).issues[0]!.message).toBe('Le nom du client est obligatoire.');
    await expect(
      createSite(db, {
        clientId: client.id,
        name: 'Siège',
        address: '1 rue X',
        postcode: '4400',
        city: 'Nantes',
      }),
    ).rejects.toThrow('Le code postal compte 5 chiffres.');

    const site = await createSite(db, {
      clientId: client.id,
      name: 'Siège',
      address: '3 quai de la Fosse',
      postcode: '44000',
      city: 'Nantes',
    });
    expect(site.openingHours.monday).toEqual([{ from: '09:00', to: '18:00' }]);
    await createContact(db, {
      clientId: client.id,
      role: 'signatory',
      name: 'Anne Durand',
      email: 'anne@durand.fr',
    });
    await expect(
      createContact(db, {
        clientId: client.id,
        role: 'it-correspondent',
        name: 'Paul',
        email: 'paul@',
      }),
    ).rejects.toThrow('Adresse e-mail invalide.');
    await updateClient(db, client.id, { city: 'Saint-Herblain' });

    expect((await listClients(db)).map((c) => c.city)).toEqual(['Saint-Herblain']);
    expect(await listSites(db, client.id)).toHaveLength(1);
    expect((await listContacts(db, client.id)).map((c) => c.role)).toEqual(['signatory']);
    expect(await db.outbox.count()).toBe(4);
  });

  it('stores contracts validated by the billing schema', async () => {
    db = freshDb();
    const client = await createClient(db, { name: 'ALLANCE' });
    const saved = await saveContract(
      db,
      {
        clientId: client.id,
        reference: 'CT-2026-014',
        startsOn: '2026-01-01',
        hourlyRateCents: 6500,
      },
      { now: 5 },
    );
    expect(saved).toMatchObject({
      reference: 'CT-2026-014',
      toleranceMinutes: 0,
      revision: null,
      updatedAt: 5,
    });
    expect(await listContracts(db, client.id)).toHaveLength(1);
    await expect(
      saveContract(db, {
        clientId: client.id,
        reference: 'X',
        startsOn: '2026-01-01',
        hourlyRateCents: 65.5,
      }),
    ).rejects.toThrow();
  });

  it('refuses two catalogue items with the same code', async () => {
    db = freshDb();
    await createCatalogueItem(db, {
      kind: 'flat-fee',
      code: 'AD',
      label: 'Compte AD',
      unitPriceCents: 4500,
    });
    await expect(
      createCatalogueItem(db, { kind: 'part', code: 'AD', label: 'Autre', unitPriceCents: 1 }),
    ).rejects.toBeInstanceOf(DuplicateCatalogueCodeError);
    await expect(
      createCatalogueItem(db, { kind: 'part', code: 'P', label: 'Prix', unitPriceCents: 10.5 }),
    ).rejects.toThrow('Prix en centimes entiers attendu.');
  });

  it('lists subscriptions by next renewal', async () => {
    db = freshDb();
    const client = await createClient(db, { name: 'X' });
    await createSubscription(db, {
      clientId: client.id,
      kind: 'domain',
      name: 'x.fr',
      renewalDate: '2027-05-01',
    });
    await createSubscription(db, {
      clientId: client.id,
      kind: 'microsoft-365',
      name: 'M365',
      renewalDate: '2027-01-01',
      quantity: 12,
    });
    expect((await listSubscriptions(db, client.id)).map((s) => s.name)).toEqual(['M365', 'x.fr']);
  });
});

describe('equipment', () => {
  it('refuses a serial number the client already has, ignoring case, spaces and dashes', async () => {
    db = freshDb();
    const a = await createClient(db, { name: 'A' });
    const b = await createClient(db, { name: 'B' });
    const first = await createEquipment(db, {
      clientId: a.id,
      category: 'laptop',
      serialNumber: '5CD-123 ab',
    });
    const dup = await createEquipment(db, {
      clientId: a.id,
      category: 'desktop',
      serialNumber: '5cd123AB',
    }).catch((e: unknown) => e);
    expect(dup).toBeInstanceOf(DuplicateSerialError);
    expect((dup as DuplicateSerialError).message).toBe(
      'Le numéro de série « 5cd123AB » est déjà enregistré pour ce client.',
    );
    expect((dup as DuplicateSerialError).existingId).toBe(first.id);
    // Another client may have the same serial (two contracts, one leased machine).
    await createEquipment(db, { clientId: b.id, category: 'laptop', serialNumber: '5CD123AB' });
    const second = await createEquipment(db, {
      clientId: a.id,
      category: 'laptop',
      serialNumber: 'XYZ999',
    });
    await expect(
      updateEquipment(db, second.id, { serialNumber: '5cd 123 ab' }),
    ).rejects.toBeInstanceOf(DuplicateSerialError);
    expect((await db.equipment.get(second.id))?.serialNumber).toBe('XYZ999');
    expect(await db.equipment.count()).toBe(3);
    expect(await db.outbox.count()).toBe(5);
  });

  it('validates the rules of §2: undeclared needs a discovery date, secrets have no field', async () => {
    db = freshDb();
    const a = await createClient(db, { name: 'A' });
    await expect(
      createEquipment(db, {
        clientId: a.id,
        category: 'switch',
        serialNumber: 'S',
        declared: false,
      }),
    ).rejects.toThrow('Un équipement non déclaré doit avoir sa date de découverte.');
    const found = await createEquipment(db, {
      clientId: a.id,
      category: 'switch',
      serialNumber: 'S',
      declared: false,
      discoveredOn: '2026-11-23',
      covered: false,
    });
    expect(found).toMatchObject({ declared: false, discoveredOn: '2026-11-23', covered: false });
    const withPassword = await createEquipment(db, {
      clientId: a.id,
      category: 'server',
      serialNumber: 'P',
      password: 'hunter2',
    } as never);
    expect(JSON.stringify(await db.equipment.get(withPassword.id))).not.toContain('hunter2');
    expect(JSON.stringify(await db.outbox.toArray())).not.toContain('hunter2');
  });

  it('retires without deleting, and rebuilds the search tokens on update', async () => {
    db = freshDb();
    const a = await createClient(db, { name: 'A' });
    const e = await createEquipment(db, {
      clientId: a.id,
      category: 'laptop',
      serialNumber: 'OLD111',
      hostname: 'compta-01',
    });
    await updateEquipment(db, e.id, { serialNumber: 'NEW222' });
    expect(await searchEquipment(db, 'OLD111')).toEqual([]);
    expect((await searchEquipment(db, 'w222')).map((x) => x.id)).toEqual([e.id]);
    await retireEquipment(db, e.id);
    expect(await listEquipment(db, a.id)).toEqual([
      expect.objectContaining({ status: 'retired', serialNumber: 'NEW222' }),
    ]);
    const outbox = await readOutbox(db);
    expect(outbox.every((m) => !('searchTokens' in m.changes) && !('serialKey' in m.changes))).toBe(
      true,
    );
  });
});

describe('searchEquipment across all clients', () => {
  it('finds by partial serial, asset tag, hostname, model or user, serial numbers first', async () => {
    db = freshDb();
    const data = generateDemoData({
      seed: 11,
      clientCount: 6,
      equipmentPerClient: 50,
      now: Date.UTC(2026, 5, 1),
    });
    await putRecords(db, 'equipment', data.equipment, { origin: 'server' });
    const target = data.equipment[123]!;
    const middle = target.serialNumber.slice(3, 8).toLowerCase();
    expect((await searchEquipment(db, middle)).map((e) => e.id)).toContain(target.id);
    expect((await searchEquipment(db, target.assetTag)).map((e) => e.id)).toContain(target.id);
    expect(
      (await searchEquipment(db, `${target.model} ${target.serialNumber.slice(0, 4)}`)).map(
        (e) => e.id,
      ),
    ).toContain(target.id);
    expect(await searchEquipment(db, '   ')).toEqual([]);
    // Serial number matches rank first.
    const ranked = await createClient(db, { name: 'R' }).then(async (c) => {
      await createEquipment(db, {
        clientId: c.id,
        category: 'laptop',
        serialNumber: 'ZZZ-1',
        hostname: 'QXQXQ',
      });
      await createEquipment(db, {
        clientId: c.id,
        category: 'laptop',
        serialNumber: 'QXQXQ7',
        hostname: 'ZZZ',
      });
      return searchEquipment(db, 'qxqxq');
    });
    expect(ranked.map((e) => e.serialNumber)).toEqual(['QXQXQ7', 'ZZZ-1']);
    expect((await searchEquipment(db, 'a', { limit: 5 })).length).toBeLessThanOrEqual(5);
  });
});
