import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { uuidv7 } from 'uuidv7';
import { BordereauDb } from '../../renderer/db/database';
import { getReport } from '../../renderer/db/repositories/reports';
import type { Report } from '../../shared/report/model';
import { verifySeal } from '../../shared/report/seal';
import { reportOf } from '../../shared/sync/report-record';
import { count } from '../server/helpers';
import { draftReport, plain, sealedReport } from '../server/report-fixture';
import { deviceLines, officeClientForTech1, serverLines, useSyncWorld } from './sync-harness';

/**
 * A laptop still offline when it is updated: its bordereaux, signed and draft, wait in the
 * outbox in the shape of Dexie version 5 (the report under `report`). Upgraded to version 6,
 * it syncs them; the server verifies the seal and stores the one shape, which the office
 * pulls as it is.
 */
describe('a laptop updated with bordereaux still in its outbox', () => {
  const world = useSyncWorld('pglite');

  it('sends them after the upgrade, signed ones sealed with their hash', async () => {
    const server = world.server();
    const { office, clientId } = await officeClientForTech1(world);

    // Version 5, offline: what its repository stored and queued.
    const indexedDB = new IDBFactory();
    const dbName = `bordereau-v5-${uuidv7()}`;
    const v5 = new BordereauDb(dbName, { upTo: 5, indexedDB, IDBKeyRange });
    await v5.open();
    const sealedId = uuidv7();
    const draftId = uuidv7();
    const sealed = plain(await sealedReport(sealedId));
    const draft = plain(draftReport(draftId, 2));
    const visitId = uuidv7();
    const legacy = (report: Report) => ({
      id: report.content.id,
      revision: null,
      updatedAt: 1,
      interventionId: visitId,
      clientId: clientId,
      number: report.content.number,
      status: report.status,
      sealedAt: report.status === 'sealed' ? report.seal.sealedAt : null,
      report,
    });
    for (const [i, report] of [draft, sealed].entries()) {
      await v5.table('reports').put(legacy(report));
      await v5.table('outbox').add({
        entity: 'reports',
        recordId: report.content.id,
        op: 'upsert',
        baseRevision: null,
        changes: legacy(report),
        at: i + 1,
      });
    }
    v5.close();

    const tech = world.device('tech1', 'tech', { indexedDB, dbName });
    expect(await tech.sync()).toMatchObject({ rejected: 0, conflicts: 0 });
    expect(await tech.db.outbox.count()).toBe(0);
    expect(
      await count(
        server.db,
        "SELECT count(*) AS n FROM records WHERE entity = 'reports' AND sealed AND seal_hash = $1",
        [sealed.seal.hash],
      ),
    ).toBe(1);
    // The server holds the one shape: no nested report, no copies beside it.
    expect(
      await count(
        server.db,
        "SELECT count(*) AS n FROM records WHERE entity = 'reports' AND (data ? 'report' OR data ? 'number' OR data ? 'sealedAt')",
      ),
    ).toBe(0);
    expect((await deviceLines(tech.db, ['reports'])).sort()).toEqual(
      (await serverLines(server, [clientId], ['reports'])).sort(),
    );

    await office.sync();
    const atOffice = (await getReport(office.db, sealedId))!;
    expect(reportOf(atOffice)).toEqual(sealed);
    expect(atOffice.interventionId).toBe(visitId);
    expect(await verifySeal(reportOf(atOffice))).toEqual({ valid: true, hash: sealed.seal.hash });
    expect((await getReport(office.db, draftId))?.content).toEqual(draft.content);
  });
});
