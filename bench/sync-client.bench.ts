/**
 * Client sync engine throughput: the real engine and Dexie adapter over fake-indexeddb (an
 * in-memory IndexedDB written in JavaScript, slower than Chromium's: the figures are a lower
 * bound for the desktop app), against the real server on in-memory PGlite over HTTP.
 * - back from 30 days offline: 500 draft reports written locally (each edited once more for
 *   one in five), then one sync cycle (push in folded batches, pull every page);
 * - first sync of a new office laptop: 10,000 equipment records pulled in pages of 1,000,
 *   each page applied in one transaction.
 * Run: `npx tsx bench/sync-client.bench.ts` (or `npm run bench -- sync-client`).
 */
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { uuidv7 } from 'uuidv7';
import { putRecord } from '../renderer/db/changes';
import { BordereauDb } from '../renderer/db/database';
import { SyncApi } from '../renderer/sync/api-client';
import { DexieSyncStore } from '../renderer/sync/dexie-sync-store';
import { runSyncCycle } from '../renderer/sync/sync-engine';
import { fetchTransport } from '../renderer/sync/transport';
import { createClient, startTestServer, TestDevice } from '../test/server/helpers';
import { draftReport, plain } from '../test/server/report-fixture';

const REPORTS = 500;
const EQUIPMENT = 10_000;
const DAY = 24 * 60 * 60 * 1000;

const secs = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
const rate = (n: number, ms: number) => `${Math.round((n / ms) * 1000).toLocaleString('en-US')}/s`;

function laptop(name: string): { db: BordereauDb; store: DexieSyncStore } {
  const db = new BordereauDb(name, { indexedDB: new IDBFactory(), IDBKeyRange });
  return { db, store: new DexieSyncStore(db) };
}

const server = await startTestServer('pglite');
try {
  const clientId = await createClient(server);
  await server.assign(server.tech1, clientId);

  // 1. 500 reports written offline over 30 days, then one cycle.
  const tech = laptop('bench-tech');
  const start = Date.now() - 30 * DAY;
  let t = performance.now();
  for (let i = 0; i < REPORTS; i++) {
    const id = uuidv7();
    const at = start + i * ((30 * DAY) / REPORTS);
    const report = plain(draftReport(id, i + 1));
    const row = {
      id,
      revision: null,
      updatedAt: at,
      interventionId: uuidv7(),
      clientId,
      ...report,
    };
    await putRecord(tech.db, 'reports', row, { now: at });
    // A fifth of them saved twice (a draft edited before signing).
    if (i % 5 === 0) await putRecord(tech.db, 'reports', { ...row }, { now: at + 60_000 });
  }
  const writeMs = performance.now() - t;
  const outbox = await tech.db.outbox.count();
  t = performance.now();
  const cycle = await runSyncCycle({
    api: new SyncApi(server.url, fetchTransport).withToken(server.tech1.token),
    store: tech.store,
    now: Date.now,
  });
  const cycleMs = performance.now() - t;
  console.log(
    `Back from 30 days offline: ${REPORTS} reports, ${outbox} outbox entries written locally in ${secs(writeMs)}`,
  );
  console.log(
    `  one sync cycle: ${secs(cycleMs)} (pushed ${cycle.pushed} entries, pulled ${cycle.pulled} records in ${cycle.pages} page(s)); outbox left: ${await tech.db.outbox.count()}`,
  );

  // 2. 10,000 equipment records pulled by a new office laptop.
  const office = new TestDevice(server.office.api);
  for (let from = 0; from < EQUIPMENT; from += 500) {
    const batch = Array.from({ length: 500 }, (_, i) =>
      office.upsert('equipment', uuidv7(), {
        clientId,
        category: 'desktop',
        brand: 'Dell',
        model: 'OptiPlex 7010',
        serialNumber: `SN-${from + i}`,
        hostname: `PC-${from + i}`,
      }),
    );
    const res = await office.push(batch);
    if (res.status !== 200) throw new Error(`seed push failed: ${res.status}`);
  }
  const fresh = laptop('bench-office');
  t = performance.now();
  const first = await runSyncCycle({
    api: new SyncApi(server.url, fetchTransport).withToken(server.office.token),
    store: fresh.store,
    now: Date.now,
    pullLimit: 1000,
  });
  const firstMs = performance.now() - t;
  console.log(
    `First sync of a new office laptop: ${first.pulled} records in ${first.pages} pages of ≤ 1,000: ${secs(firstMs)} (${rate(first.pulled, firstMs)}, ${(firstMs / first.pages).toFixed(0)} ms per page incl. HTTP)`,
  );
  tech.db.close();
  fresh.db.close();
} finally {
  await server.close();
}
