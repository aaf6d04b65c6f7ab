import { afterEach, describe, expect, it } from 'vitest';
import { putRecords } from '../../../../renderer/db/changes';
import type { BordereauDb } from '../../../../renderer/db/database';
import {
  FIRST_PAGE_SIZE,
  loadClientEquipment,
  loadFirstEquipmentPage,
} from '../../../../renderer/use-cases/inventory/use-client-equipment';
import { generateDemoData } from '../../../../shared/seed/demo-data';
import { freshDb } from '../../db/fresh-db';

let db: BordereauDb;
afterEach(() => db?.close());

const NOW = Date.UTC(2026, 10, 30, 9);

/** Two clients: the first with `big` items, the second with 30. */
async function twoClients(big: number) {
  db = freshDb();
  const data = generateDemoData({
    seed: 14,
    clientCount: 2,
    equipmentPerClient: [big, 30],
    now: NOW,
  });
  await putRecords(db, 'clients', data.clients, { origin: 'server' });
  await putRecords(db, 'equipment', data.equipment, { origin: 'server' });
  return { big: data.clients[0]!.id, small: data.clients[1]!.id };
}

describe('a client’s inventory, first page then the whole list', () => {
  it('reads the first page as the whole list’s first rows, then every item of the client', async () => {
    const ids = await twoClients(180);
    const first = await loadFirstEquipmentPage(db, ids.big);
    const whole = await loadClientEquipment(db, ids.big);
    expect(first).toMatchObject({ clientId: ids.big, complete: false });
    expect(first.items).toHaveLength(FIRST_PAGE_SIZE);
    expect(whole.complete).toBe(true);
    expect(whole.items).toHaveLength(180);
    expect(whole.items.every((e) => e.clientId === ids.big)).toBe(true);
    // Same order: nothing moves on screen when the rest arrives.
    expect(first.items.map((e) => e.id)).toEqual(
      whole.items.slice(0, FIRST_PAGE_SIZE).map((e) => e.id),
    );
  });

  it('a client with fewer items than a page is complete from the first read', async () => {
    const ids = await twoClients(60);
    const first = await loadFirstEquipmentPage(db, ids.small);
    expect(first.complete).toBe(true);
    expect(first.items).toHaveLength(30);
    expect(first.items.every((e) => e.clientId === ids.small)).toBe(true);
    // Exactly a page: not known to be all, so the whole list is read to be sure.
    const exact = await loadFirstEquipmentPage(db, ids.small, 30);
    expect(exact.complete).toBe(false);
    expect((await loadFirstEquipmentPage(db, 'inconnu')).items).toEqual([]);
  });
});
