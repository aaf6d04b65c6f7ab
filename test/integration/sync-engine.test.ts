import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { uuidv7 } from 'uuidv7';
import { createClient as createLocalClient } from '../../renderer/db/repositories/clients';
import { createEquipment, updateEquipment } from '../../renderer/db/repositories/equipment';
import { createSite } from '../../renderer/db/repositories/sites';
import { saveAttachment } from '../../renderer/db/repositories/attachments';
import { deleteRecord, putRecord } from '../../renderer/db/changes';
import { SYNC_STATE_KEYS } from '../../renderer/sync/dexie-sync-store';
import { readRefusalMark, readRefusalMarks } from '../../renderer/sync/refusal-marks';
import { resolveConflict } from '../../renderer/sync/resolve-conflict';
import { SyncError } from '../../renderer/sync/sync-error';
import { purgeTombstones } from '../../server/sync/tombstones';
import { BACKENDS, count, startTestServer, stopPostgres } from '../server/helpers';
import type { TestServer } from '../server/helpers';
import { deviceChecksum, deviceLines, laptop, serverChecksum, serverLines } from './sync-harness';
import type { TestLaptop } from './sync-harness';
import { draftReport, plain, sealedReport } from '../server/report-fixture';

const DAY = 24 * 60 * 60 * 1000;

for (const backend of BACKENDS) {
  describe(`sync engine against the real server (${backend})`, () => {
    let server: TestServer;
    const laptops: TestLaptop[] = [];

    function device(account: 'office' | 'tech1' | 'tech2'): TestLaptop {
      const d = laptop(server, server[account], account);
      laptops.push(d);
      return d;
    }

    beforeEach(async () => {
      server = await startTestServer(backend);
    });

    afterEach(async () => {
      for (const d of laptops.splice(0)) d.close();
      await server.close();
    });

    /** The office creates a client with a site and one equipment, syncs, and assigns it to tech1. */
    async function officeWithClient(): Promise<{
      office: TestLaptop;
      clientId: string;
      equipmentId: string;
    }> {
      const office = device('office');
      const client = await createLocalClient(office.db, { name: 'ALLANCE SAS', city: 'Paris' });
      await createSite(office.db, {
        clientId: client.id,
        name: 'Siège',
        address: '1 rue de la Paix',
        postcode: '75002',
        city: 'Paris',
      });
      const equipment = await createEquipment(office.db, {
        clientId: client.id,
        category: 'server',
        brand: 'Dell',
        model: 'R740',
        serialNumber: 'SN-1',
        location: 'Baie 1',
      });
      await office.sync();
      await server.assign(server.tech1, client.id);
      return { office, clientId: client.id, equipmentId: equipment.id };
    }

    it('round-trips records between the office and a technician, with equal checksums', async () => {
      const { office, clientId } = await officeWithClient();
      expect(await office.db.outbox.count()).toBe(0);
      const tech = device('tech1');
      const result = await tech.sync();
      expect(result.pulled).toBe(3);
      expect(await tech.db.equipment.count()).toBe(1);
      expect(await deviceChecksum(tech.db)).toBe(await serverChecksum(server, [clientId]));
      expect(await deviceChecksum(office.db)).toBe(await serverChecksum(server, null));
      // Local equipment index fields are rebuilt from pulled data.
      const [equipment] = await tech.db.equipment.toArray();
      expect(equipment!.serialKey).toBe('SN1');
    });

    it('loses nothing and duplicates nothing when a push response is lost after commit', async () => {
      const { clientId } = await officeWithClient();
      const tech = device('tech1');
      await tech.sync();
      for (let i = 0; i < 20; i++) {
        await createEquipment(tech.db, { clientId, category: 'laptop', serialNumber: `PC-${i}` });
      }
      // The server commits the push, then the answer never reaches the laptop.
      let dropped = 0;
      tech.transport = async (url, init) => {
        const response = await fetch(url, init);
        if (url.includes('/sync/push') && dropped === 0) {
          dropped++;
          throw new TypeError('socket hang up');
        }
        return response;
      };
      await expect(tech.sync()).rejects.toMatchObject({ kind: 'offline' });
      expect(dropped).toBe(1);
      expect(
        await count(server.db, "SELECT count(*) AS n FROM records WHERE entity = 'equipment'"),
      ).toBe(21);
      expect(await tech.db.outbox.count()).toBe(20);

      const retry = await tech.sync();
      expect(retry.pushed).toBe(20);
      expect(
        await count(server.db, "SELECT count(*) AS n FROM records WHERE entity = 'equipment'"),
      ).toBe(21);
      expect(await count(server.db, 'SELECT count(*) AS n FROM mutation_results')).toBe(20 + 3);
      expect(await tech.db.outbox.count()).toBe(0);
      expect(await tech.db.equipment.count()).toBe(21);
      expect(await deviceChecksum(tech.db)).toBe(await serverChecksum(server, [clientId]));
    });

    it('merges two offline edits of the same equipment and records the overlap as a conflict', async () => {
      const { clientId, equipmentId } = await officeWithClient();
      await server.assign(server.tech2, clientId);
      const a = device('tech1');
      const b = device('tech2');
      await a.sync();
      await b.sync();
      // Both offline: A changes the location and the notes, B the location and the hostname.
      // A edits twice offline, the second time the same field again: its own earlier edit is no conflict.
      await updateEquipment(a.db, equipmentId, {
        location: 'Baie 1 bis',
        notes: 'Disque remplacé',
      });
      await updateEquipment(a.db, equipmentId, { location: 'Baie 2', assignedUser: 'Compta' });
      await updateEquipment(b.db, equipmentId, { location: 'Salle serveur', hostname: 'srv-01' });
      const first = await a.sync();
      expect(first.conflicts).toBe(0);
      const second = await b.sync();
      expect(second.conflicts).toBe(1);
      await a.sync();

      const server1 = await server.db.query<{ data: Record<string, unknown> }>(
        "SELECT data FROM records WHERE entity = 'equipment' AND id = $1",
        [equipmentId],
      );
      expect(server1.rows[0]!.data).toMatchObject({
        location: 'Baie 2',
        notes: 'Disque remplacé',
        assignedUser: 'Compta',
        hostname: 'srv-01',
      });
      expect(
        await count(server.db, "SELECT count(*) AS n FROM records WHERE entity = 'syncConflicts'"),
      ).toBe(1);
      // Both laptops see the merged record and the conflict; B's losing value is kept in it.
      for (const d of [a, b]) {
        expect(await d.db.equipment.get(equipmentId)).toMatchObject({
          location: 'Baie 2',
          hostname: 'srv-01',
          notes: 'Disque remplacé',
        });
        const conflicts = await d.db.conflicts.toArray();
        expect(conflicts).toHaveLength(1);
        expect(conflicts[0]).toMatchObject({
          entity: 'equipment',
          recordId: equipmentId,
          kind: 'edit',
          fields: [{ field: 'location', serverValue: 'Baie 2', deviceValue: 'Salle serveur' }],
        });
        expect(await deviceChecksum(d.db)).toBe(await serverChecksum(server, [clientId]));
      }

      // B keeps its own location: the choice travels like an edit and closes the conflict everywhere.
      const conflictId = (await b.db.conflicts.toArray())[0]!.id;
      await resolveConflict(b.db, conflictId, { location: 'mine' });
      expect(await b.db.equipment.get(equipmentId)).toMatchObject({ location: 'Salle serveur' });
      await b.sync();
      await a.sync();
      const after = await server.db.query<{ data: Record<string, unknown> }>(
        "SELECT data FROM records WHERE entity = 'equipment' AND id = $1",
        [equipmentId],
      );
      expect(after.rows[0]!.data).toMatchObject({
        location: 'Salle serveur',
        hostname: 'srv-01',
        notes: 'Disque remplacé',
      });
      expect(await a.db.equipment.get(equipmentId)).toMatchObject({ location: 'Salle serveur' });
      expect(await a.db.conflicts.get(conflictId)).toMatchObject({
        resolved: true,
        resolution: { location: 'mine' },
      });
      expect(
        await count(
          server.db,
          "SELECT count(*) AS n FROM records WHERE entity = 'syncConflicts' AND (data->>'resolved')::boolean",
        ),
      ).toBe(1);
      await expect(resolveConflict(a.db, conflictId, {})).rejects.toThrow(/déjà résolu/);
      for (const d of [a, b])
        expect(await deviceChecksum(d.db)).toBe(await serverChecksum(server, [clientId]));
    });

    it('keeps a tombstone racing an edit visible as a conflict, in both orders, without losing either side', async () => {
      const { office, clientId, equipmentId } = await officeWithClient();
      const second = await createEquipment(office.db, {
        clientId,
        category: 'switch',
        serialNumber: 'SW-1',
      });
      await office.sync();
      const tech = device('tech1');
      await tech.sync();

      // 1. Deleted at the office first, then the technician's offline edit arrives.
      await deleteRecord(office.db, 'equipment', equipmentId);
      await updateEquipment(tech.db, equipmentId, { notes: 'Ventilateur bruyant' });
      // 2. Edited by the technician first, then the office's stale delete arrives.
      await updateEquipment(tech.db, second.id, { notes: 'Firmware mis à jour' });
      await office.sync();
      const techResult = await tech.sync();
      await deleteRecord(office.db, 'equipment', second.id);
      const officeResult = await office.sync();
      await tech.sync();

      expect(techResult.conflicts).toBe(1);
      expect(officeResult.conflicts).toBe(1);
      const rows = await server.db.query<{
        id: string;
        deleted: boolean;
        data: Record<string, unknown>;
      }>("SELECT id, deleted, data FROM records WHERE entity = 'equipment' ORDER BY id");
      expect(rows.rows.find((r) => r.id === equipmentId)!.deleted).toBe(true);
      expect(rows.rows.find((r) => r.id === second.id)).toMatchObject({
        deleted: false,
        data: { notes: 'Firmware mis à jour' },
      });
      const kinds = (await tech.db.conflicts.toArray())
        .map((c) => c['kind' as keyof typeof c])
        .sort();
      expect(kinds).toEqual(['deleteVsEdit', 'editVsDelete']);
      // The technician's edit of the deleted equipment survives in the conflict.
      const editVsDelete = (await tech.db.conflicts.toArray()).find(
        (c) => (c as unknown as { kind: string }).kind === 'editVsDelete',
      )!;
      expect(
        (editVsDelete as unknown as { fields: { field: string; deviceValue: unknown }[] }).fields,
      ).toContainEqual({ field: 'notes', serverValue: null, deviceValue: 'Ventilateur bruyant' });
      expect(await tech.db.equipment.get(equipmentId)).toBeUndefined();
      expect(await office.db.equipment.get(second.id)).toMatchObject({
        notes: 'Firmware mis à jour',
      });
      expect(await deviceChecksum(tech.db)).toBe(await serverChecksum(server, [clientId]));
      expect(await deviceChecksum(office.db)).toBe(await serverChecksum(server, null));

      // Each side keeps its own choice: the technician brings the deleted equipment back whole,
      // the office confirms its deletion of the other one.
      const conflictOf = async (d: TestLaptop, kind: string) =>
        (await d.db.conflicts.toArray()).find(
          (c) => (c as unknown as { kind: string }).kind === kind,
        )!.id;
      await resolveConflict(tech.db, await conflictOf(tech, 'editVsDelete'), { notes: 'mine' });
      await office.sync();
      await resolveConflict(office.db, await conflictOf(office, 'deleteVsEdit'), { notes: 'mine' });
      expect(await office.db.equipment.get(second.id)).toBeUndefined();
      await tech.sync();
      await office.sync();
      await tech.sync();
      const final = await server.db.query<{
        id: string;
        deleted: boolean;
        data: Record<string, unknown>;
      }>("SELECT id, deleted, data FROM records WHERE entity = 'equipment'");
      expect(final.rows.find((r) => r.id === equipmentId)).toMatchObject({
        deleted: false,
        data: {
          notes: 'Ventilateur bruyant',
          category: 'server',
          serialNumber: 'SN-1',
          model: 'R740',
        },
      });
      expect(final.rows.find((r) => r.id === second.id)!.deleted).toBe(true);
      expect(
        await count(
          server.db,
          "SELECT count(*) AS n FROM records WHERE entity = 'syncConflicts' AND NOT (data->>'resolved')::boolean",
        ),
      ).toBe(0);
      expect(await office.db.equipment.get(equipmentId)).toMatchObject({
        notes: 'Ventilateur bruyant',
      });
      expect(await deviceChecksum(tech.db)).toBe(await serverChecksum(server, [clientId]));
      expect(await deviceChecksum(office.db)).toBe(await serverChecksum(server, null));
    });

    it('syncs a laptop back from 30 days offline with 500 reports, in bounded batches and pages', async () => {
      const { clientId } = await officeWithClient();
      const tech = device('tech1');
      await tech.sync();
      const start = Date.now() - 30 * DAY;
      for (let i = 0; i < 500; i++) {
        const at = start + i * ((30 * DAY) / 500);
        const id = uuidv7();
        await putRecord(
          tech.db,
          'reports',
          {
            id,
            revision: null,
            updatedAt: at,
            clientId,
            interventionId: uuidv7(),
            ...plain(draftReport(id, i + 1)),
          },
          { now: at },
        );
        if (i % 5 === 0)
          await putRecord(
            tech.db,
            'reports',
            {
              id,
              revision: null,
              updatedAt: at,
              clientId,
              interventionId: uuidv7(),
              ...plain(draftReport(id, i + 1)),
              remark: 'relu',
            },
            { now: at + 1 },
          );
      }
      expect(await tech.db.outbox.count()).toBe(600);
      const progress: number[] = [];
      const result = await (async () => {
        const { runSyncCycle } = await import('../../renderer/sync/sync-engine');
        const { SyncApi } = await import('../../renderer/sync/api-client');
        return runSyncCycle({
          api: new SyncApi(server.url, tech.transport).withToken(server.tech1.token),
          store: tech.store,
          now: Date.now,
          pullLimit: 120,
          onProgress: (p) => {
            if (p.phase === 'push') progress.push(p.done);
          },
        });
      })();
      expect(result.pushed).toBe(600);
      expect(result.conflicts).toBe(0);
      expect(result.pages).toBeGreaterThan(4);
      expect(progress.at(-1)).toBe(600);
      expect(
        await count(server.db, "SELECT count(*) AS n FROM records WHERE entity = 'reports'"),
      ).toBe(500);
      expect(
        await count(
          server.db,
          "SELECT count(*) AS n FROM records WHERE entity = 'reports' AND data ? 'remark'",
        ),
      ).toBe(100);
      expect(await tech.db.outbox.count()).toBe(0);
      expect(await tech.db.reports.count()).toBe(500);
      expect(await deviceChecksum(tech.db)).toBe(await serverChecksum(server, [clientId]));

      // The office sees all 500 once it syncs.
      const office2 = device('office');
      await office2.sync({ pullLimit: 200 });
      expect(await office2.db.reports.count()).toBe(500);
      expect(await deviceChecksum(office2.db)).toBe(await serverChecksum(server, null));
    });

    it('sends a signed bordereau the server can verify, and it arrives sealed at the office', async () => {
      const { clientId } = await officeWithClient();
      const tech = device('tech1');
      await tech.sync();
      const id = uuidv7();
      const sealed = plain(await sealedReport(id));
      await putRecord(tech.db, 'reports', {
        id,
        revision: null,
        updatedAt: 1,
        interventionId: uuidv7(),
        clientId,
        ...sealed,
      });
      const result = await tech.sync();
      expect(result).toMatchObject({ rejected: 0, conflicts: 0 });
      expect(
        await count(
          server.db,
          "SELECT count(*) AS n FROM records WHERE entity = 'reports' AND sealed AND seal_hash = $1",
          [sealed.seal.hash],
        ),
      ).toBe(1);
      const office2 = device('office');
      await office2.sync();
      expect(await office2.db.reports.get(id)).toMatchObject({
        status: 'sealed',
        seal: { hash: sealed.seal.hash },
      });
      expect(await deviceChecksum(tech.db)).toBe(await serverChecksum(server, [clientId]));
    });

    it('uploads the blobs a change refers to before the change itself, once', async () => {
      const { clientId } = await officeWithClient();
      const tech = device('tech1');
      await tech.sync();
      // A bordereau as the laptop stores it, naming its photo by SHA-256 (shared/report).
      const reportId = uuidv7();
      const photo = await saveAttachment(tech.db, {
        ownerId: reportId,
        clientId,
        kind: 'photo',
        mimeType: 'image/jpeg',
        fileName: 'baie.jpg',
        createdAt: 1,
        bytes: new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3]),
      });
      const draft = plain(draftReport(reportId, 9));
      const report = {
        ...draft,
        content: {
          ...draft.content,
          photos: [{ caption: 'Baie', sha256: photo.id, mediaType: 'image/jpeg', takenAt: 1 }],
        },
      };
      await putRecord(tech.db, 'reports', {
        id: reportId,
        revision: null,
        updatedAt: 1,
        interventionId: uuidv7(),
        clientId,
        ...report,
      });
      const calls: string[] = [];
      tech.transport = (url, init) => {
        calls.push(`${init.method ?? 'GET'} ${new URL(url).pathname}`);
        return fetch(url, init);
      };
      expect(await tech.sync()).toMatchObject({ rejected: 0, conflicts: 0 });
      expect(calls.slice(0, 2)).toEqual([
        `PUT /api/v1/blobs/${photo.id}`,
        'POST /api/v1/sync/push',
      ]);
      expect(
        await count(server.db, 'SELECT count(*) AS n FROM blobs WHERE sha256 = $1 AND size = $2', [
          photo.id,
          photo.size,
        ]),
      ).toBe(1);
      // Nothing left to send: the next cycle uploads nothing again.
      calls.length = 0;
      await tech.sync();
      expect(calls.filter((c) => c.startsWith('PUT'))).toEqual([]);
    });

    it('removes the data of a client whose assignment was withdrawn', async () => {
      const { office, clientId } = await officeWithClient();
      const other = await createLocalClient(office.db, { name: 'BETA SARL' });
      await createSite(office.db, {
        clientId: other.id,
        name: 'Atelier',
        address: '2 rue Neuve',
        postcode: '93100',
        city: 'Montreuil',
      });
      await office.sync();
      await server.assign(server.tech1, other.id);
      const tech = device('tech1');
      await tech.sync();
      expect(await tech.db.clients.count()).toBe(2);
      const res = await server.office.api.request('DELETE', '/api/v1/admin/assignments', {
        accountId: server.tech1.id,
        clientId,
      });
      expect(res.status).toBe(204);
      await tech.sync();
      expect((await tech.db.clients.toArray()).map((c) => c.id)).toEqual([other.id]);
      expect(await tech.db.equipment.count()).toBe(0);
      expect(await tech.db.sites.count()).toBe(1);
      expect(await deviceChecksum(tech.db)).toBe(await serverChecksum(server, [other.id]));
    });

    it('resyncs from scratch when the cursor is older than the tombstone horizon, keeping unsent changes', async () => {
      const { office, clientId, equipmentId } = await officeWithClient();
      const tech = device('tech1');
      await tech.sync();
      const unsent = await createEquipment(tech.db, {
        clientId,
        category: 'printer',
        serialNumber: 'PR-9',
      });
      await deleteRecord(office.db, 'equipment', equipmentId);
      await office.sync();
      // Tombstones older than "now + 1 day" are forgotten: the laptop's cursor is behind the horizon.
      expect(await purgeTombstones(server.db, Date.now() + DAY, 0)).toBe(1);
      const before = await tech.store.pullPosition();
      await tech.sync();
      expect(await tech.db.equipment.get(equipmentId)).toBeUndefined();
      expect(await tech.db.equipment.get(unsent.id)).toBeDefined();
      expect(
        await count(server.db, 'SELECT count(*) AS n FROM records WHERE id = $1', [unsent.id]),
      ).toBe(1);
      expect((await tech.store.pullPosition()).cursor).not.toBe(before.cursor);
      expect(await deviceChecksum(tech.db)).toBe(await serverChecksum(server, [clientId]));
    });

    it('keeps a refused change for the user and restores the server copy', async () => {
      const { clientId } = await officeWithClient();
      const tech = device('tech1');
      await tech.sync();
      // A technician may not edit a client (office only): refused for good.
      await putRecord(tech.db, 'clients', {
        ...(await tech.db.clients.get(clientId))!,
        name: 'Nom modifié',
      });
      const result = await tech.sync();
      expect(result.rejected).toBe(1);
      const rejections = (await tech.db.syncState.get(SYNC_STATE_KEYS.rejections))!.value as {
        reason: string;
        changes: Record<string, unknown>;
      }[];
      expect(rejections).toHaveLength(1);
      expect(rejections[0]).toMatchObject({
        reason: 'forbidden',
        changes: { name: 'Nom modifié' },
      });
      expect((await tech.db.clients.get(clientId))!.name).toBe('ALLANCE SAS');
      expect(await readRefusalMark(tech.db, 'clients', clientId)).toMatchObject({
        reason: 'forbidden',
        localOnly: false,
      });
      expect(await tech.db.outbox.count()).toBe(0);
      expect(await deviceChecksum(tech.db)).toBe(await serverChecksum(server, [clientId]));
    });

    it('never lets a change the server cannot take block the others', async () => {
      const { clientId } = await officeWithClient();
      const tech = device('tech1');
      await tech.sync();
      const report = (size: number) => ({
        id: uuidv7(),
        revision: null,
        updatedAt: 1,
        interventionId: uuidv7(),
        clientId,
        number: 'BI-X',
        status: 'draft',
        sealedAt: null,
        scan: 'x'.repeat(size),
      });
      const tooBigForTheServer = report(300 * 1024);
      const tooBigToSend = report(1_200 * 1024);
      await putRecord(tech.db, 'reports', tooBigForTheServer);
      await putRecord(tech.db, 'reports', tooBigToSend);
      const site = await createSite(tech.db, {
        clientId,
        name: 'Entrepôt',
        address: '3 rue du Port',
        postcode: '94200',
        city: 'Ivry-sur-Seine',
      });
      const result = await tech.sync();
      expect(result.rejected).toBe(2);
      expect(
        await count(server.db, 'SELECT count(*) AS n FROM records WHERE id = $1', [site.id]),
      ).toBe(1);
      expect(
        await count(server.db, "SELECT count(*) AS n FROM records WHERE entity = 'reports'"),
      ).toBe(0);
      const rejections = (await tech.db.syncState.get(SYNC_STATE_KEYS.rejections))!.value as {
        recordId: string;
        message: string;
        changes: { scan: string };
      }[];
      expect(rejections.map((r) => r.recordId).sort()).toEqual(
        [tooBigForTheServer.id, tooBigToSend.id].sort(),
      );
      expect(rejections.find((r) => r.recordId === tooBigToSend.id)!.message).toMatch(
        /trop volumineuse/,
      );
      expect(rejections.every((r) => r.changes.scan.length >= 300 * 1024)).toBe(true);
      expect(await tech.db.outbox.count()).toBe(0);
      // Both refused reports stay on the laptop (nothing a user made is dropped), marked; apart
      // from them the laptop holds exactly what the server has.
      const kept = [tooBigForTheServer.id, tooBigToSend.id];
      expect(await tech.db.reports.bulkGet(kept)).toMatchObject([
        { revision: null },
        { revision: null },
      ]);
      expect(await readRefusalMarks(tech.db)).toHaveLength(2);
      await tech.db.reports.bulkDelete(kept);
      expect(await deviceChecksum(tech.db)).toBe(await serverChecksum(server, [clientId]));
    });

    it('tells an outdated app to update (426)', async () => {
      await officeWithClient();
      const tech = device('tech1');
      tech.transport = (url, init) =>
        fetch(url, {
          ...init,
          headers: { ...(init.headers as Record<string, string>), 'x-bordereau-protocol': '0' },
        });
      const error = await tech.sync().catch((e: unknown) => e);
      expect(error).toBeInstanceOf(SyncError);
      expect(error).toMatchObject({ kind: 'upgrade', retryable: false });
      expect((error as Error).message).toMatch(/mettez l’application à jour/);
    });

    it('leaves every line of both sides equal (debug view of the checksum)', async () => {
      const { clientId } = await officeWithClient();
      const tech = device('tech1');
      await tech.sync();
      expect((await deviceLines(tech.db)).sort()).toEqual(
        (await serverLines(server, [clientId])).sort(),
      );
    });
  });
}

afterAll(async () => {
  await stopPostgres();
});
