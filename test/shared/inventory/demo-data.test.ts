import { describe, expect, it } from 'vitest';
import { clientSchema } from '../../../shared/inventory/client';
import { contactSchema } from '../../../shared/inventory/contact';
import { equipmentSchema } from '../../../shared/inventory/equipment';
import { siteSchema } from '../../../shared/inventory/site';
import { subscriptionSchema } from '../../../shared/inventory/subscription';
import { generateDemoData } from '../../../shared/seed/demo-data';

const now = Date.UTC(2026, 10, 23, 9);

describe('generateDemoData', () => {
  it('is deterministic: same seed, same data; another seed, other data', () => {
    const a = generateDemoData({ seed: 7, clientCount: 5, equipmentPerClient: 20, now });
    const b = generateDemoData({ seed: 7, clientCount: 5, equipmentPerClient: 20, now });
    const c = generateDemoData({ seed: 8, clientCount: 5, equipmentPerClient: 20, now });
    expect(b).toEqual(a);
    expect(c.clients.map((x) => x.name)).not.toEqual(a.clients.map((x) => x.name));
  });

  it('creates valid records, linked to their client, with unique serials per client and UUIDv7 ids', () => {
    const data = generateDemoData({
      seed: 1,
      clientCount: 4,
      equipmentPerClient: [50, 3, 0, 10],
      now,
    });
    expect(data.equipment).toHaveLength(63);
    data.clients.forEach((r) => clientSchema.parse(r));
    data.sites.forEach((r) => siteSchema.parse(r));
    data.contacts.forEach((r) => contactSchema.parse(r));
    data.equipment.forEach((r) => equipmentSchema.parse(r));
    data.subscriptions.forEach((r) => subscriptionSchema.parse(r));
    const clientIds = new Set(data.clients.map((c) => c.id));
    expect(data.equipment.every((e) => clientIds.has(e.clientId))).toBe(true);
    const first = data.equipment.filter((e) => e.clientId === data.clients[0]!.id);
    expect(new Set(first.map((e) => e.serialNumber)).size).toBe(50);
    const ids = [...data.clients, ...data.equipment].map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(
      ids.every((id) =>
        /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/.test(id),
      ),
    ).toBe(true);
    expect(data.equipment.some((e) => !e.declared && e.discoveredOn !== null)).toBe(true);
  });
});
