import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import type { BordereauDb } from '../../../../renderer/db/database';
import { deleteRecord, putRecord, updateRecord } from '../../../../renderer/db/changes';
import { getVisit } from '../../../../renderer/db/repositories/visits';
import {
  createDraftReport,
  getReport,
  newReportVersion,
  sealStoredReport,
  sequenceKey,
  updateDraftReport,
} from '../../../../renderer/db/repositories/reports';
import type { StoredReport } from '../../../../renderer/db/repositories/reports';
import { SealedReportError, verifySeal } from '../../../../shared/report/seal';
import { reportOf } from '../../../../shared/sync/report-record';
import {
  absentClientSignatures,
  sampleSignatures,
  SEALED_AT,
} from '../../../fixtures/report/sample-report';
import { freshDb, openTestDb, uniqueName } from '../fresh-db';
import { draftFor, newVisit, T0 } from '../../visits/visit-fixtures';

let db: BordereauDb;
afterEach(() => db?.close());

describe('sealing in the reports repository', () => {
  it('seals a draft, then refuses every change to it', async () => {
    db = freshDb();
    const visit = await newVisit(db);
    const draft = await createDraftReport(db, draftFor(visit), T0);
    const sealed = await sealStoredReport(db, draft.id, sampleSignatures(), SEALED_AT);
    expect(sealed).toMatchObject({ status: 'sealed', seal: { sealedAt: SEALED_AT } });
    const outboxBefore = await db.outbox.count();

    const { number: _n, id: _i, version: _v, ...content } = draft.content;
    await expect(
      updateDraftReport(
        db,
        draft.id,
        { ...content, recommendations: 'ajout après signature' },
        SEALED_AT + 1,
      ),
    ).rejects.toThrow(SealedReportError);
    await expect(
      sealStoredReport(db, draft.id, absentClientSignatures(), SEALED_AT + 2),
    ).rejects.toThrow(SealedReportError);
    // Nor through the generic writes (conflict resolution, any other path).
    await expect(
      updateRecord<StoredReport & { id: string }>(db, 'reports', draft.id, {
        content: { ...draft.content, number: 'BI-2026-JD-9999' },
      }),
    ).rejects.toThrow(SealedReportError);
    await expect(putRecord(db, 'reports', { ...sealed, ...reportOf(draft) })).rejects.toThrow(
      SealedReportError,
    );
    await expect(deleteRecord(db, 'reports', draft.id)).rejects.toThrow(SealedReportError);

    const stored = await getReport(db, draft.id);
    expect(stored).toEqual(sealed);
    expect(await verifySeal(stored)).toMatchObject({ valid: true });
    expect(await db.outbox.count()).toBe(outboxBefore);
    expect((await getVisit(db, visit.id))?.status).toBe('signed');
  });

  it('edits a draft but never its identity', async () => {
    db = freshDb();
    const visit = await newVisit(db);
    const draft = await createDraftReport(db, draftFor(visit), T0);
    const { number: _n, id: _i, version: _v, ...content } = draft.content;
    const edited = await updateDraftReport(
      db,
      draft.id,
      { ...content, recommendations: 'Remplacer l’onduleur.' },
      T0 + 1,
    );
    expect(edited.content).toMatchObject({
      id: draft.id,
      number: draft.content.number,
      recommendations: 'Remplacer l’onduleur.',
    });
    expect(edited.status).toBe('draft');
  });

  it('makes a change a new version that references the sealed one', async () => {
    db = freshDb();
    const visit = await newVisit(db);
    const draft = await createDraftReport(db, draftFor(visit), T0);
    const sealed = await sealStoredReport(db, draft.id, sampleSignatures(), SEALED_AT);
    const next = await newReportVersion(db, draft.id, SEALED_AT + 60_000);

    expect(next.id).not.toBe(draft.id);
    expect(next.content.number).toBe(draft.content.number);
    expect(next.content.version).toEqual({
      number: 2,
      supersedes: {
        reportId: draft.id,
        number: draft.content.number,
        sealHash: sealed.status === 'sealed' ? sealed.seal.hash : '',
      },
    });
    expect((await getReport(db, draft.id))?.status).toBe('sealed');
    expect(await getVisit(db, visit.id)).toMatchObject({ status: 'to-sign', reportId: next.id });
  });
});

describe('report numbers', () => {
  it('gives two reports created at the same moment distinct sequences', async () => {
    db = freshDb();
    const [a, b, c] = await Promise.all([newVisit(db), newVisit(db), newVisit(db)]);
    const created = await Promise.all(
      [a!, b!, c!].map((v) => createDraftReport(db, draftFor(v), T0)),
    );
    expect(created.map((r) => r.content.number).sort()).toEqual([
      'BI-2026-JD-0001',
      'BI-2026-JD-0002',
      'BI-2026-JD-0003',
    ]);
    expect((await db.settings.get(sequenceKey('JD', 2026)))?.value).toBe(3);
    for (const r of created)
      expect((await getVisit(db, r.interventionId))?.number).toBe(r.content.number);
  });

  it('gives distinct sequences to reports created at once from two connections (two windows)', async () => {
    const name = uniqueName();
    db = openTestDb(name);
    const other = openTestDb(name);
    try {
      const [a, b] = await Promise.all([newVisit(db), newVisit(db)]);
      const created = await Promise.all([
        createDraftReport(db, draftFor(a!), T0),
        createDraftReport(other, draftFor(b!), T0),
        createDraftReport(other, draftFor(b!), T0),
        createDraftReport(db, draftFor(a!), T0),
      ]);
      expect(new Set(created.map((r) => r.content.number)).size).toBe(4);
      expect(created.map((r) => r.content.number).sort()).toEqual([
        'BI-2026-JD-0001',
        'BI-2026-JD-0002',
        'BI-2026-JD-0003',
        'BI-2026-JD-0004',
      ]);
    } finally {
      other.close();
    }
  });

  it('keeps one sequence per technician and per year, and never reuses a number', async () => {
    db = freshDb();
    const visit = await newVisit(db);
    const jd1 = await createDraftReport(db, draftFor(visit), T0);
    const other = await createDraftReport(db, draftFor(visit, { code: 'ML' }), T0);
    const nextYear = await createDraftReport(
      db,
      draftFor(visit, { issuedAt: Date.UTC(2027, 0, 2, 9) }),
      T0,
    );
    // New Year's Eve 23:30 in Paris is already 2027 there: the year is read in Paris time.
    const newYearsEve = await createDraftReport(
      db,
      draftFor(visit, { issuedAt: Date.UTC(2026, 11, 31, 23, 30) }),
      T0,
    );
    await db.reports.delete(jd1.id);
    const jd2 = await createDraftReport(db, draftFor(visit), T0);
    expect([jd1, other, nextYear, newYearsEve, jd2].map((r) => r.content.number)).toEqual([
      'BI-2026-JD-0001',
      'BI-2026-ML-0001',
      'BI-2027-JD-0001',
      'BI-2027-JD-0002',
      'BI-2026-JD-0002',
    ]);
  });

  it('continues after the highest number already on the laptop (a restored backup without the counter)', async () => {
    db = freshDb();
    const visit = await newVisit(db);
    await createDraftReport(db, draftFor(visit), T0);
    await createDraftReport(db, draftFor(visit), T0);
    await db.settings.delete(sequenceKey('JD', 2026));
    expect((await createDraftReport(db, draftFor(visit), T0)).content.number).toBe(
      'BI-2026-JD-0003',
    );
  });
});
