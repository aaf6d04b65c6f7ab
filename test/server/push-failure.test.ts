import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { uuidv7 } from 'uuidv7';
import { buildApp } from '../../server/app';
import type { Database, Queryable } from '../../server/db/database';
import { migrate } from '../../server/db/migrations';
import { openPgliteDatabase } from '../../server/db/pglite-database';
import { createAccount } from '../../server/auth/accounts';
import { ApiClient, PASSWORD, TestDevice, count, login, siteData } from './helpers';

/** A database that fails (like a dropped connection) on the n-th record write, once. */
function flaky(db: Database, failOnInsert: number): Database {
  let inserts = 0;
  const wrap = (q: Queryable): Queryable => ({
    query(sql, params) {
      if (sql.includes('INSERT INTO records') && ++inserts === failOnInsert) {
        return Promise.reject(Object.assign(new Error('connection terminated'), { code: '08006' }));
      }
      return q.query(sql, params);
    },
  });
  return {
    ...db,
    query: db.query,
    transaction: (work, isolation) => db.transaction((tx) => work(wrap(tx)), isolation),
  };
}

describe('a temporary failure in the middle of a batch', () => {
  let db: Database;
  let api: ApiClient;
  let close: () => Promise<void>;

  beforeAll(async () => {
    const real = await openPgliteDatabase(undefined);
    await migrate(real);
    db = real;
    const email = 'bureau@example.fr';
    await createAccount(
      real,
      { email, name: 'Bureau', role: 'office', password: PASSWORD },
      Date.now(),
    );
    const app = await buildApp({ db: flaky(real, 8) });
    await app.listen({ port: 0, host: '127.0.0.1' });
    const address = app.server.address();
    const url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
    api = new ApiClient(url, await login(url, email, PASSWORD));
    close = async () => {
      await app.close();
      await real.close();
    };
  });
  afterAll(async () => close?.());

  it('aborts the whole batch without advancing, and the retry applies it exactly once', async () => {
    const device = new TestDevice(api);
    const clientId = uuidv7();
    const batch = [
      device.upsert('clients', clientId, { name: 'ALLANCE SAS' }),
      ...Array.from({ length: 19 }, () => device.upsert('sites', uuidv7(), siteData(clientId))),
    ];
    const failed = await device.push(batch);
    expect(failed.status).toBe(503);
    expect(failed.body).toMatchObject({ error: 'unavailable' });
    expect(await count(db, 'SELECT count(*) AS n FROM records')).toBe(0);
    expect(await count(db, 'SELECT count(*) AS n FROM mutation_results')).toBe(0);
    expect(await count(db, 'SELECT count(*) AS n FROM devices')).toBe(0);

    const retried = await device.push(batch);
    expect(retried.status).toBe(200);
    expect(retried.body.results.every((r) => r.status === 'applied')).toBe(true);
    expect(await count(db, 'SELECT count(*) AS n FROM records')).toBe(20);
    expect(
      await count(db, 'SELECT last_mutation_id AS n FROM devices WHERE device_id = $1', [
        device.deviceId,
      ]),
    ).toBe(20);
  });
});
