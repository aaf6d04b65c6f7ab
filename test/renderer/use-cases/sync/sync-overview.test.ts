import { uuidv7 } from 'uuidv7';
import { afterEach, describe, expect, it } from 'vitest';
import type { BordereauDb } from '../../../../renderer/db/database';
import { SYNC_STATE_KEYS } from '../../../../renderer/sync/dexie-sync-store';
import { refusalKey } from '../../../../renderer/sync/refusal-marks';
import type { RefusalMark } from '../../../../renderer/sync/refusal-marks';
import { addSite } from '../../../../renderer/use-cases/clients/client-records';
import { confirmFirstSync } from '../../../../renderer/use-cases/sync/first-sync';
import {
  discardRefusedRecord,
  resendRefusedRecord,
} from '../../../../renderer/use-cases/sync/refusals';
import {
  dismissRejections,
  loadSyncOverview,
} from '../../../../renderer/use-cases/sync/sync-overview';
import { freshDb } from '../../db/fresh-db';
import { testDeps } from '../deps';

let db: BordereauDb;
afterEach(() => db?.close());

const refusal = (recordId: string, clientId: string, localOnly: boolean): RefusalMark => ({
  entity: 'sites',
  recordId,
  clientId,
  reason: 'forbidden',
  message: 'Client hors de votre périmètre.',
  localOnly,
  at: 1,
});

async function siteWithRefusal(localOnly: boolean) {
  const deps = testDeps(db, 100);
  const clientId = uuidv7();
  const site = await addSite(deps, {
    clientId,
    name: 'Atelier',
    address: '2 rue Neuve',
    postcode: '76000',
    city: 'Rouen',
  });
  const mark = refusal(site.id, clientId, localOnly);
  await db.syncState.put({ key: refusalKey('sites', site.id), value: mark });
  return { deps, site, mark };
}

describe('sync use cases', () => {
  it('reads what the Synchronisation screen shows in one go', async () => {
    db = freshDb();
    const { site } = await siteWithRefusal(true);
    await db.syncState.put({ key: SYNC_STATE_KEYS.lastSuccessAt, value: 50 });
    const overview = await loadSyncOverview(db);
    expect(overview).toMatchObject({
      session: null,
      pending: 1,
      oldestPendingAt: 100,
      lastSuccessAt: 50,
      conflicts: [],
      rejections: [],
    });
    expect(overview.refusals.map((m) => m.recordId)).toEqual([site.id]);
  });

  it('dismissing the refused list keeps the marks of records that exist here only', async () => {
    db = freshDb();
    const here = await siteWithRefusal(true);
    const known = await siteWithRefusal(false);
    await db.syncState.put({ key: SYNC_STATE_KEYS.rejections, value: [{ entity: 'sites' }] });
    await dismissRejections(here.deps);
    const overview = await loadSyncOverview(db);
    expect(overview.rejections).toEqual([]);
    expect(overview.refusals.map((m) => m.recordId)).toEqual([here.site.id]);
    expect(known.site.id).not.toBe(here.site.id);
  });

  it('sends a refused record again at the clock’s time, or gives it up', async () => {
    db = freshDb();
    const { deps, site, mark } = await siteWithRefusal(true);
    await db.outbox.clear();
    deps.setNow(900);
    expect(await resendRefusedRecord(deps, mark)).toBe(true);
    expect((await db.outbox.toArray()).map((e) => e.at)).toEqual([900]);
    await db.syncState.put({ key: refusalKey('sites', site.id), value: mark });
    await discardRefusedRecord(deps, mark);
    expect(await db.sites.get(site.id)).toBeUndefined();
    expect((await loadSyncOverview(db)).refusals).toEqual([]);
  });

  it('the first sync’s confirmation is remembered, then the sync starts', async () => {
    db = freshDb();
    let syncs = 0;
    await confirmFirstSync({
      db,
      syncNow: async () => {
        syncs += 1;
      },
    });
    expect(syncs).toBe(1);
    expect((await db.syncState.get('firstSyncConfirmed'))?.value).toBe(true);
  });
});
