import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { uuidv7 } from 'uuidv7';
import { createClient as createLocalClient } from '../../renderer/db/repositories/clients';
import { saveContract } from '../../renderer/db/repositories/contracts';
import { createSite } from '../../renderer/db/repositories/sites';
import { putRecord } from '../../renderer/db/changes';
import { SYNC_STATE_KEYS } from '../../renderer/sync/dexie-sync-store';
import { readRefusalMark, refusalAdvice, resendRefused } from '../../renderer/sync/refusal-marks';
import type { TestAccount, TestServer } from '../server/helpers';
import { BACKENDS, count, createClient, startTestServer, stopPostgres } from '../server/helpers';
import { plain, sealedReport } from '../server/report-fixture';
import { laptop } from './sync-harness';
import type { TestLaptop } from './sync-harness';

const SITE = { name: 'Atelier', address: '2 rue Neuve', postcode: '76000', city: 'Rouen' };

/**
 * "Nothing a user made is dropped by a refusal" (docs/sync-protocol.md): every way the server
 * refuses a change for good leaves the record on the laptop with its reason, against the real
 * server and the real engine over fake-indexeddb.
 */
describe.each(BACKENDS)('refusals keep the local record (%s)', (backend) => {
  let server: TestServer;
  const laptops: TestLaptop[] = [];
  beforeAll(async () => {
    server = await startTestServer(backend);
  });
  afterEach(() => {
    for (const d of laptops.splice(0)) d.close();
  });
  afterAll(async () => {
    await server?.close();
    if (backend === 'postgres') await stopPostgres();
  });

  async function technician(): Promise<{ tech: TestLaptop; account: TestAccount }> {
    const account = await server.addAccount('technician');
    const tech = laptop(server, account);
    laptops.push(tech);
    return { tech, account };
  }

  it('forbidden: a site for a client the technician does not have stays, marked, and can be sent again', async () => {
    const { tech, account } = await technician();
    const officeClient = await createClient(server, 'Pas à moi');
    const site = await createSite(tech.db, { clientId: officeClient, ...SITE });
    expect((await tech.sync()).rejected).toBe(1);
    await tech.sync();
    expect(await tech.db.sites.get(site.id)).toMatchObject({ name: 'Atelier', revision: null });
    const mark = await readRefusalMark(tech.db, 'sites', site.id);
    expect(mark).toMatchObject({ reason: 'forbidden', localOnly: true });
    expect(refusalAdvice(mark!)).toMatch(/demandez au bureau de vous l’attribuer/);

    // Once the office assigns the client, "Renvoyer" delivers it whole.
    await server.assign(account, officeClient);
    expect(await resendRefused(tech.db, 'sites', site.id, Date.now())).toBe(true);
    expect((await tech.sync()).rejected).toBe(0);
    expect(await readRefusalMark(tech.db, 'sites', site.id)).toBeNull();
    expect(await tech.db.sites.get(site.id)).toMatchObject({ name: 'Atelier', revision: 1 });
    expect(
      await count(server.db, 'SELECT count(*) AS n FROM records WHERE id = $1', [site.id]),
    ).toBe(1);
  });

  it('invalid: a record the server cannot take stays as typed, marked', async () => {
    const { tech } = await technician();
    const client = await createLocalClient(tech.db, { name: 'Client du terrain' });
    // Written past the form's validation (an older app version, an import): no postcode.
    const siteId = uuidv7();
    await putRecord(tech.db, 'sites', {
      id: siteId,
      revision: null,
      updatedAt: 1,
      clientId: client.id,
      name: 'Sans adresse',
      address: '',
      postcode: 'pas un code',
      city: '',
    });
    expect((await tech.sync()).rejected).toBe(1);
    await tech.sync();
    expect(await tech.db.sites.get(siteId)).toMatchObject({ postcode: 'pas un code' });
    expect(await readRefusalMark(tech.db, 'sites', siteId)).toMatchObject({
      reason: 'invalid',
      localOnly: true,
    });
    // The client itself went through: created on site, pending validation.
    expect(await tech.db.clients.get(client.id)).toMatchObject({
      revision: 1,
      fieldOrigin: { validatedAt: null },
    });
  });

  it('sealed: a change to a signed report leaves the signed report in place, marked', async () => {
    const { tech } = await technician();
    const client = await createLocalClient(tech.db, { name: 'Client signé' });
    const id = uuidv7();
    const sealed = plain(await sealedReport(id));
    const row = {
      id,
      revision: null,
      updatedAt: 1,
      interventionId: uuidv7(),
      clientId: client.id,
      ...sealed,
    };
    await putRecord(tech.db, 'reports', row);
    expect((await tech.sync()).rejected).toBe(0);
    // A change the app itself never makes (local writes refuse it): an older version's outbox.
    await tech.db.outbox.add({
      entity: 'reports',
      recordId: id,
      op: 'upsert',
      baseRevision: 1,
      changes: { number: 'BI-FAUX' },
      at: Date.now(),
    });
    expect((await tech.sync()).rejected).toBe(1);
    await tech.sync();
    expect(await tech.db.reports.get(id)).toMatchObject({
      content: { number: sealed.content.number },
      revision: 1,
    });
    expect(await readRefusalMark(tech.db, 'reports', id)).toMatchObject({
      reason: 'sealed',
      localOnly: false,
    });
  });

  it('client change: moving a site to another client keeps the site under its client, marked', async () => {
    const { tech } = await technician();
    const a = await createLocalClient(tech.db, { name: 'Client A' });
    const b = await createLocalClient(tech.db, { name: 'Client B' });
    const site = await createSite(tech.db, { clientId: a.id, ...SITE });
    await tech.sync();
    await putRecord(tech.db, 'sites', { ...(await tech.db.sites.get(site.id))!, clientId: b.id });
    expect((await tech.sync()).rejected).toBe(1);
    await tech.sync();
    expect(await tech.db.sites.get(site.id)).toMatchObject({ clientId: a.id, name: 'Atelier' });
    expect(await readRefusalMark(tech.db, 'sites', site.id)).toMatchObject({
      reason: 'client_change',
      localOnly: false,
    });
    const rejections = (await tech.db.syncState.get(SYNC_STATE_KEYS.rejections))!.value;
    expect(JSON.stringify(rejections)).toContain(b.id);
  });

  it('a contract a technician typed stays on the laptop (office only), the rest reaches the office', async () => {
    const { tech } = await technician();
    const client = await createLocalClient(tech.db, { name: 'Nouveau client' });
    const site = await createSite(tech.db, { clientId: client.id, ...SITE });
    const contract = await saveContract(tech.db, {
      clientId: client.id,
      reference: 'CT-TERRAIN',
      startsOn: '2026-11-01',
      hourlyRateCents: 9000,
    });
    const result = await tech.sync();
    expect(result.rejected).toBe(1);
    await tech.sync();
    expect(await tech.db.contracts.get(contract.id)).toMatchObject({ reference: 'CT-TERRAIN' });
    const mark = await readRefusalMark(tech.db, 'contracts', contract.id);
    expect(mark).toMatchObject({ reason: 'forbidden', localOnly: true });
    expect(refusalAdvice(mark!)).toMatch(/tarifs par défaut/);
    expect(await tech.db.sites.get(site.id)).toMatchObject({ revision: 1 });
    expect(await tech.db.clients.get(client.id)).toMatchObject({ revision: 1 });
    expect(
      await count(
        server.db,
        `SELECT count(*) AS n FROM records WHERE client_id = $1 AND entity <> 'contracts'`,
        [client.id],
      ),
    ).toBe(2);
  });
});
