import { afterEach, describe, expect, it } from 'vitest';
import type { BordereauDb } from '../../../renderer/db/database';
import {
  getReport,
  listReportsOfVisit,
  newReportVersion,
  updateDraftReport,
} from '../../../renderer/db/repositories/reports';
import { getVisit, linkVisitReport } from '../../../renderer/db/repositories/visits';
import { toWireChanges } from '../../../renderer/sync/wire-record';
import { canonicalJson } from '../../../shared/report/canonical-json';
import type { Report } from '../../../shared/report/model';
import {
  computeSealHash,
  newVersionOf,
  SealedReportError,
  sealReport,
  verifySeal,
} from '../../../shared/report/seal';
import { SYNCED_ENTITIES } from '../../../shared/sync/entity-registry';
import { reportOf } from '../../../shared/sync/report-record';
import { SEALED_AT, sampleDraft, sampleSignatures } from '../../fixtures/report/sample-report';
import { newVisit } from '../visits/visit-fixtures';
import { freshDb, openTestDb } from './fresh-db';
import { readOutbox } from '../../../renderer/db/outbox';

/**
 * Version 6 stores each bordereau in its one shape (shared/sync/report-record.ts). A laptop on
 * version 5 kept the report under `report`, beside copies of its number, status and seal
 * time, and queued that shape in its outbox. Upgraded, every row and queued change is in the
 * one shape, and every sealed report verifies with the hash it was sealed with.
 */
const CLIENT_ID = '0192b3c4-0000-7000-8000-0000000000c1';
const VISIT_ID = '0192b3c4-0000-7000-8000-0000000000d1';
const OTHER_VISIT_ID = '0192b3c4-0000-7000-8000-0000000000d2';
const V2_ID = '0192b3c4-0000-7000-8000-0000000000e2';
const V3_ID = '0192b3c4-0000-7000-8000-0000000000e3';
const OTHER_ID = '0192b3c4-0000-7000-8000-0000000000e9';
const HOUR = 3_600_000;

/** A row exactly as version 5's repository wrote it (renderer/db/repositories/reports.ts then). */
function legacyRow(report: Report, interventionId: string, revision: number | null) {
  return {
    id: report.content.id,
    revision,
    updatedAt: 1,
    interventionId,
    clientId: CLIENT_ID,
    number: report.content.number,
    status: report.status,
    sealedAt: report.status === 'sealed' ? report.seal.sealedAt : null,
    report,
  };
}

/** Three versions of one bordereau (v1 and v2 sealed, v3 a draft) and another visit's draft. */
async function reportHistory() {
  const v1 = await sealReport(sampleDraft(), sampleSignatures(), SEALED_AT);
  const v2 = await sealReport(
    newVersionOf(v1, { id: V2_ID, now: SEALED_AT + HOUR }),
    sampleSignatures(),
    SEALED_AT + 2 * HOUR,
  );
  const v3 = newVersionOf(v2, { id: V3_ID, now: SEALED_AT + 3 * HOUR });
  const other = { ...sampleDraft(), content: { ...sampleDraft().content, id: OTHER_ID } };
  return { v1, v2, v3, other };
}

let db: BordereauDb | undefined;
afterEach(() => db?.close());

describe('schema version 6: bordereaux in one shape', () => {
  it('rewrites drafts and sealed versions, each seal verifying with its hash, content byte for byte', async () => {
    const { v1, v2, v3, other } = await reportHistory();
    const before = freshDb({ upTo: 5 });
    await before.open();
    await before
      .table('reports')
      .bulkAdd([
        legacyRow(v1, VISIT_ID, 3),
        legacyRow(v2, VISIT_ID, null),
        legacyRow(v3, VISIT_ID, null),
        legacyRow(other, OTHER_VISIT_ID, null),
      ]);
    const name = before.name;
    before.close();

    db = openTestDb(name);
    await db.open();
    for (const [sealed, revision] of [
      [v1, 3],
      [v2, null],
    ] as const) {
      const stored = (await getReport(db, sealed.content.id))!;
      expect(stored).toEqual({
        id: sealed.content.id,
        revision,
        updatedAt: 1,
        interventionId: VISIT_ID,
        clientId: CLIENT_ID,
        status: 'sealed',
        content: sealed.content,
        seal: sealed.seal,
      });
      // The bytes the hash covers are those sealed; the seal verifies with the same hash.
      expect(canonicalJson(stored.content)).toBe(canonicalJson(sealed.content));
      expect(JSON.stringify(stored.content)).toBe(JSON.stringify(sealed.content));
      expect(await computeSealHash(stored.content)).toBe(sealed.seal.hash);
      expect(await verifySeal(reportOf(stored))).toEqual({
        valid: true,
        hash: sealed.seal.hash,
      });
    }
    // Drafts too, and nothing of the old shape is left on any row.
    expect((await getReport(db, V3_ID))!).toMatchObject({ status: 'draft', content: v3.content });
    expect((await getReport(db, OTHER_ID))!.interventionId).toBe(OTHER_VISIT_ID);
    for (const row of await db.reports.toArray()) {
      expect(Object.keys(row).sort()).toEqual(
        [
          'clientId',
          'content',
          'id',
          'interventionId',
          'revision',
          'status',
          'updatedAt',
          ...(row.status === 'sealed' ? ['seal'] : []),
        ].sort(),
      );
    }
    // The indexes read the one shape: the visit's versions, the number in the content.
    expect(
      (await listReportsOfVisit(db, VISIT_ID)).map((r) => [r.content.version.number, r.status]),
    ).toEqual([
      [1, 'sealed'],
      [2, 'sealed'],
      [3, 'draft'],
    ]);
    expect(
      await db.reports.where('content.number').equals(v1.content.number).primaryKeys(),
    ).toHaveLength(4);
  });

  it('keeps migrated sealed reports immutable and corrects them as before', async () => {
    const { v1, v2 } = await reportHistory();
    const before = freshDb({ upTo: 5 });
    await before.open();
    const visit = await newVisit(before);
    await before.table('reports').bulkAdd([legacyRow(v1, visit.id, 3), legacyRow(v2, visit.id, 4)]);
    for (const status of ['to-sign', 'signed'] as const)
      await linkVisitReport(
        before,
        visit.id,
        { reportId: V2_ID, number: v2.content.number, status },
        SEALED_AT,
      );
    const name = before.name;
    before.close();

    db = openTestDb(name);
    const { id: _i, number: _n, version: _v, ...content } = v2.content;
    await expect(updateDraftReport(db, V2_ID, content, SEALED_AT + 5 * HOUR)).rejects.toThrow(
      SealedReportError,
    );
    const v3 = await newReportVersion(db, V2_ID, SEALED_AT + 5 * HOUR);
    expect(v3.content.number).toBe(v1.content.number);
    expect(v3.content.version).toEqual({
      number: 3,
      supersedes: { reportId: V2_ID, number: v2.content.number, sealHash: v2.seal.hash },
    });
    expect(await getVisit(db, visit.id)).toMatchObject({ status: 'to-sign', reportId: v3.id });
    const migrated = (await getReport(db, V2_ID))!;
    expect(await verifySeal(reportOf(migrated))).toEqual({ valid: true, hash: v2.seal.hash });
  });

  it('rewrites the changes still waiting in the outbox, which the server then accepts', async () => {
    const { v1, v3 } = await reportHistory();
    const before = freshDb({ upTo: 5 });
    await before.open();
    const queued = [legacyRow(v1, VISIT_ID, null), legacyRow(v3, VISIT_ID, null)];
    await before.table('reports').bulkAdd(queued);
    await before.table('outbox').bulkAdd([
      ...queued.map((row, i) => ({
        entity: 'reports',
        recordId: row.id,
        op: 'upsert',
        baseRevision: null,
        changes: { ...row, updatedAt: 10 + i },
        at: 10 + i,
      })),
      {
        entity: 'clients',
        recordId: CLIENT_ID,
        op: 'upsert',
        baseRevision: 2,
        changes: { name: 'Garage Leroy SARL' },
        at: 12,
      },
    ]);
    const name = before.name;
    before.close();

    db = openTestDb(name);
    const outbox = await readOutbox(db);
    expect(outbox.map((e) => [e.entity, e.recordId])).toEqual([
      ['reports', v1.content.id],
      ['reports', V3_ID],
      ['clients', CLIENT_ID],
    ]);
    expect(outbox[2]!.changes).toEqual({ name: 'Garage Leroy SARL' });
    for (const [entry, report] of [
      [outbox[0]!, v1],
      [outbox[1]!, v3],
    ] as const) {
      const wire = toWireChanges('reports', entry.changes);
      expect(wire).toEqual({ interventionId: VISIT_ID, clientId: CLIENT_ID, ...report });
      expect(canonicalJson(wire['content'])).toBe(canonicalJson(report.content));
      // What the server checks the record against (server/sync/apply-mutation.ts).
      expect(SYNCED_ENTITIES.reports.schema.safeParse(wire).success).toBe(true);
    }
  });
});
