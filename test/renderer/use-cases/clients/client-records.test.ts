import { afterEach, describe, expect, it } from 'vitest';
import type { BordereauDb } from '../../../../renderer/db/database';
import {
  addContact,
  addSite,
  addSubscription,
  saveClient,
} from '../../../../renderer/use-cases/clients/client-records';
import { loadClientFile } from '../../../../renderer/use-cases/clients/client-file';
import {
  loadAllContacts,
  loadEquipmentCounts,
} from '../../../../renderer/use-cases/clients/client-list';
import { listClients } from '../../../../renderer/db/repositories/clients';
import { createEquipment } from '../../../../renderer/db/repositories/equipment';
import { freshDb } from '../../db/fresh-db';
import { testDeps } from '../deps';

let db: BordereauDb;
afterEach(() => db?.close());

describe('client file commands', () => {
  it('creates then edits a client at the clock’s time, each write queued for sync', async () => {
    db = freshDb();
    const deps = testDeps(db, 1000);
    const created = await saveClient(deps, {
      fields: { name: ' Cabinet Durand ', city: 'Nantes' },
    });
    expect(created).toMatchObject({ name: 'Cabinet Durand', updatedAt: 1000, revision: null });
    deps.setNow(2000);
    const edited = await saveClient(deps, {
      id: created.id,
      fields: { name: 'Cabinet Durand', city: 'Saint-Herblain' },
    });
    expect(edited).toMatchObject({ id: created.id, city: 'Saint-Herblain', updatedAt: 2000 });
    expect(await db.clients.count()).toBe(1);
    expect(await db.outbox.count()).toBe(2);
  });

  it('refuses invalid input with the schema’s French message and writes nothing', async () => {
    db = freshDb();
    const deps = testDeps(db);
    await expect(saveClient(deps, { fields: { name: '' } })).rejects.toThrow(
      'Le nom du client est obligatoire.',
    );
    const client = await saveClient(deps, { fields: { name: 'ALLANCE' } });
    await expect(
      addSite(deps, {
        clientId: client.id,
        name: 'Siège',
        address: '1 rue X',
        postcode: '4400',
        city: 'Nantes',
      }),
    ).rejects.toThrow('Le code postal compte 5 chiffres.');
    await expect(
      addContact(deps, {
        clientId: client.id,
        role: 'it-correspondent',
        name: 'Paul',
        email: 'paul@',
      }),
    ).rejects.toThrow('Adresse e-mail invalide.');
    await expect(
      addSubscription(deps, {
        clientId: client.id,
        kind: 'domain',
        name: '',
        renewalDate: '2027-01-31',
      }),
    ).rejects.toThrow('Le nom de l’abonnement est obligatoire.');
    expect(await db.sites.count()).toBe(0);
    expect(await db.contacts.count()).toBe(0);
    expect(await db.subscriptions.count()).toBe(0);
    expect(await db.outbox.count()).toBe(1);
  });

  it('adds sites, contacts and subscriptions the client page then reads in one go', async () => {
    db = freshDb();
    const deps = testDeps(db, 5000);
    const client = await saveClient(deps, { fields: { name: 'ALLANCE' } });
    const other = await saveClient(deps, { fields: { name: 'Boulangerie Martin' } });
    await addSite(deps, {
      clientId: client.id,
      name: 'Siège',
      address: '3 quai de la Fosse',
      postcode: '44000',
      city: 'Nantes',
    });
    await addContact(deps, { clientId: client.id, role: 'signatory', name: 'Anne Durand' });
    const sub = await addSubscription(deps, {
      clientId: client.id,
      kind: 'domain',
      name: 'allance.fr',
      renewalDate: '2027-01-31',
    });
    expect(sub).toMatchObject({ quantity: 1, tacitRenewal: true, updatedAt: 5000 });

    const file = await loadClientFile(db, client.id);
    expect(file?.client.name).toBe('ALLANCE');
    expect(file?.sites.map((s) => s.name)).toEqual(['Siège']);
    expect(file?.contacts.map((c) => c.name)).toEqual(['Anne Durand']);
    expect(file?.subscriptions.map((s) => s.name)).toEqual(['allance.fr']);
    expect(file?.contracts).toEqual([]);
    expect(file?.visits).toEqual([]);
    expect(await loadClientFile(db, 'inconnu')).toBeNull();

    expect((await listClients(db)).map((c) => c.name)).toEqual(['ALLANCE', 'Boulangerie Martin']);
    expect((await loadAllContacts(db)).map((c) => c.name)).toEqual(['Anne Durand']);
    await createEquipment(db, { clientId: client.id, category: 'laptop', serialNumber: 'PF-1' });
    await createEquipment(db, { clientId: client.id, category: 'printer', serialNumber: 'IMP-2' });
    const counts = await loadEquipmentCounts(db, [client.id, other.id]);
    expect([...counts]).toEqual([
      [client.id, 2],
      [other.id, 0],
    ]);
  });
});
