import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { uuidv7 } from 'uuidv7';
import type { TestServer } from '../helpers';
import {
  BACKENDS,
  TestDevice,
  createClient,
  siteData,
  startTestServer,
  stopPostgres,
  visitData,
} from '../helpers';
import { draftReport, plain } from '../report-fixture';

describe.each(BACKENDS)(
  'technicians’ entities checked by their shared schemas on %s',
  (backend) => {
    let server: TestServer;
    let clientId: string;

    beforeAll(async () => {
      server = await startTestServer(backend);
      clientId = await createClient(server);
      await server.assign(server.tech1, clientId);
    });
    afterAll(async () => {
      await server?.close();
      if (backend === 'postgres') await stopPostgres();
    });

    it('rejects visits, draft reports and attachments that fail their schema, and applies valid ones', async () => {
      const device = new TestDevice(server.tech1.api);
      const reportId = uuidv7();
      const res = await device.push([
        device.upsert('interventions', uuidv7(), { clientId, anything: 'goes' }),
        device.upsert('interventions', uuidv7(), visitData(clientId, { status: 'finished' })),
        device.upsert('interventions', uuidv7(), visitData(clientId)),
        device.upsert('reports', uuidv7(), {
          clientId,
          interventionId: uuidv7(),
          status: 'draft',
          content: { id: 1 },
        }),
        device.upsert('reports', reportId, {
          clientId,
          interventionId: uuidv7(),
          ...plain(draftReport(reportId)),
        }),
        // A bordereau always names its visit (shared/sync/report-record.ts).
        device.upsert('reports', uuidv7(), { clientId, ...plain(draftReport(uuidv7(), 2)) }),
        device.upsert('attachments', uuidv7(), { clientId, kind: 'photo', sha256: 'nope' }),
        device.upsert('attachments', uuidv7(), {
          clientId,
          ownerId: reportId,
          kind: 'pdf',
          sha256: 'a'.repeat(64),
          mimeType: 'application/pdf',
          fileName: 'BI-2026-JD-0001.pdf',
          size: 1234,
          createdAt: 1,
        }),
      ]);
      expect(res.body.results.map((r) => (r.status === 'rejected' ? r.reason : r.status))).toEqual([
        'invalid',
        'invalid',
        'applied',
        'invalid',
        'applied',
        'invalid',
        'invalid',
        'applied',
      ]);
    });

    it('keeps a site’s phone number, checked like any phone, and reads sites stored without one', async () => {
      const device = new TestDevice(server.tech1.api);
      const [withPhone, badPhone, before] = [uuidv7(), uuidv7(), uuidv7()];
      const res = await device.push([
        device.upsert('sites', withPhone, { ...siteData(clientId), phone: '01 23 45 67 89' }),
        device.upsert('sites', badPhone, { ...siteData(clientId), phone: 'appeler l’accueil' }),
        device.upsert('sites', before, siteData(clientId)),
      ]);
      expect(res.body.results.map((r) => (r.status === 'rejected' ? r.message : r.status))).toEqual(
        ['applied', 'Données invalides : Numéro de téléphone invalide. (phone).', 'applied'],
      );
      const { records } = await server.office.api.pullAll(uuidv7());
      expect(records.find((r) => r.recordId === withPhone)?.data).toMatchObject({
        phone: '01 23 45 67 89',
      });
      expect(records.find((r) => r.recordId === before)?.data).not.toHaveProperty('phone');
    });

    it('lets a device only resolve a conflict record, never rewrite nor delete it', async () => {
      const siteId = uuidv7();
      const office = new TestDevice(server.office.api);
      await office.push([office.upsert('sites', siteId, siteData(clientId))]);
      const a = new TestDevice(server.tech1.api);
      const b = new TestDevice(server.tech1.api);
      await a.push([a.upsert('sites', siteId, { name: 'Atelier' }, 1)]);
      const clash = await b.push([b.upsert('sites', siteId, { name: 'Dépôt' }, 1)]);
      const result = clash.body.results[0]!;
      expect(result.status).toBe('conflict');
      const conflictId = result.status === 'conflict' ? result.conflictId : '';

      // A malformed resolution is refused as invalid, whoever sends it (the office included).
      const malformed = await office.push([
        office.upsert('syncConflicts', conflictId, { resolution: { name: 'both' } }, 1),
      ]);
      expect(malformed.body.results[0]).toMatchObject({ status: 'rejected', reason: 'invalid' });

      const rewrite = await b.push([
        b.upsert('syncConflicts', conflictId, { fields: [], accountName: 'Personne' }, 1),
        b.upsert('syncConflicts', conflictId, { resolved: 'yes' }, 1),
        b.delete('syncConflicts', conflictId, 1),
        b.upsert(
          'syncConflicts',
          conflictId,
          { resolved: true, resolution: { name: 'theirs' }, resolvedAt: Date.now() },
          1,
        ),
      ]);
      expect(
        rewrite.body.results.map((r) => (r.status === 'rejected' ? r.reason : r.status)),
      ).toEqual(['forbidden', 'invalid', 'forbidden', 'applied']);
      const { records } = await server.tech1.api.pullAll(b.deviceId);
      expect(records.find((r) => r.recordId === conflictId)?.data).toMatchObject({
        accountName: 'Jean Dupont',
        resolved: true,
        fields: [{ field: 'name', serverValue: 'Atelier', deviceValue: 'Dépôt' }],
      });
    });
  },
);
