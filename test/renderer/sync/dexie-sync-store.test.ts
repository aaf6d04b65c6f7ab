import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { uuidv7 } from 'uuidv7';
import { putRecord, updateRecord } from '../../../renderer/db/changes';
import { BordereauDb } from '../../../renderer/db/database';
import { DexieSyncStore, SYNC_STATE_KEYS } from '../../../renderer/sync/dexie-sync-store';
import { SyncError } from '../../../renderer/sync/sync-error';
import type { PulledRecord, PullResponse } from '../../../shared/sync/protocol';
import type { Site } from '../../../shared/inventory/site';
import { draftReport } from '../../server/report-fixture';

let db: BordereauDb;
let store: DexieSyncStore;
let n = 0;

beforeEach(async () => {
  db = new BordereauDb(`sync-store-${++n}`);
  await db.open();
  store = new DexieSyncStore(db);
});

afterEach(async () => {
  db.close();
  await db.delete();
});

const clientId = uuidv7();

function record(
  entity: string,
  id: string,
  data: Record<string, unknown> | null,
  revision = 1,
): PulledRecord {
  return {
    entity,
    recordId: id,
    clientId,
    revision,
    deleted: data === null,
    data,
    updatedAt: 1_700_000_000_000 + revision,
  };
}

function page(records: PulledRecord[], extra: Partial<PullResponse> = {}): PullResponse {
  return {
    reset: false,
    records,
    cursor: '10:5:0',
    hasMore: false,
    lastAppliedMutationId: 0,
    scopeClientIds: null,
    ...extra,
  };
}

const quotaError = () =>
  Object.assign(new Error('The quota has been exceeded.'), { name: 'QuotaExceededError' });

describe('DexieSyncStore.applyPullPage', () => {
  it('writes nothing and keeps the cursor when the disk is full (QuotaExceededError)', async () => {
    await db.syncState.put({ key: SYNC_STATE_KEYS.cursor, value: '3:1:0' });
    // Every Dexie table shares one prototype: fail the equipment table's writes only.
    const proto = Object.getPrototypeOf(db.equipment) as {
      bulkPut: (...args: unknown[]) => Promise<unknown>;
    };
    const original = proto.bulkPut;
    const spy = vi.spyOn(proto, 'bulkPut').mockImplementation(function (
      this: { name: string },
      ...args: unknown[]
    ) {
      if (this.name === 'equipment') return Promise.reject(quotaError());
      return original.apply(this, args);
    });
    const equipmentId = uuidv7();
    const error = await store
      .applyPullPage(
        page([
          record('clients', clientId, { name: 'ALLANCE' }),
          record('equipment', equipmentId, { clientId, category: 'server', model: 'R740' }),
        ]),
        { forceReset: false, now: 0 },
      )
      .catch((e: unknown) => e);
    expect(spy).toHaveBeenCalled();
    expect(error).toBeInstanceOf(SyncError);
    expect(error).toMatchObject({ kind: 'disk_full', retryable: true });
    expect((error as Error).message).toMatch(/^Disque plein : libérez de l’espace/);
    // The whole page was rolled back: the client written before the failure is not there.
    expect(await db.clients.count()).toBe(0);
    expect((await store.pullPosition()).cursor).toBe('3:1:0');

    spy.mockRestore();
    await store.applyPullPage(
      page([
        record('clients', clientId, { name: 'ALLANCE' }),
        record('equipment', equipmentId, { clientId, category: 'server', model: 'R740' }),
      ]),
      { forceReset: false, now: 0 },
    );
    expect(await db.clients.count()).toBe(1);
    expect(await db.equipment.get(equipmentId)).toMatchObject({
      model: 'R740',
      revision: 1,
      serialKey: '',
    });
    expect((await store.pullPosition()).cursor).toBe('10:5:0');
  });

  it('acknowledges outbox entries only up to lastAppliedMutationId', async () => {
    const a = await putRecord(db, 'sites', {
      id: uuidv7(),
      revision: null,
      updatedAt: 1,
      clientId,
      name: 'A',
    });
    await putRecord(db, 'sites', {
      id: uuidv7(),
      revision: null,
      updatedAt: 1,
      clientId,
      name: 'B',
    });
    const ids = (await db.outbox.toArray()).map((e) => e.mutationId!);
    await store.applyPullPage(
      page([record('sites', a.id, { clientId, name: 'A' })], { lastAppliedMutationId: ids[0]! }),
      { forceReset: false, now: 0 },
    );
    expect((await db.outbox.toArray()).map((e) => e.mutationId)).toEqual([ids[1]]);
  });

  it('lays unsent local changes over a newer server copy, then restores the server copy once acknowledged', async () => {
    const id = uuidv7();
    await store.applyPullPage(
      page([record('sites', id, { clientId, name: 'Siège', city: 'Paris' }, 1)]),
      { forceReset: false, now: 0 },
    );
    await updateRecord<Site>(db, 'sites', id, { name: 'Siège social' });
    const entry = (await db.outbox.toArray())[0]!;
    // Another edit reached the server first (revision 2): the screen keeps showing the local name.
    await store.applyPullPage(
      page([record('sites', id, { clientId, name: 'Siège', city: 'Lyon' }, 2)]),
      { forceReset: false, now: 0 },
    );
    expect(await db.sites.get(id)).toMatchObject({
      name: 'Siège social',
      city: 'Lyon',
      revision: 2,
    });
    // The push conflicted (nothing re-sent for the record): once acknowledged, the server's copy is back.
    await store.applyPullPage(page([], { lastAppliedMutationId: entry.mutationId! }), {
      forceReset: false,
      now: 0,
    });
    expect(await db.sites.get(id)).toMatchObject({ name: 'Siège', city: 'Lyon', revision: 2 });
    expect(await db.syncState.where('key').startsWith('shadow:').count()).toBe(0);
  });

  it('keeps a local edit when a tombstone arrives before the edit is sent', async () => {
    const id = uuidv7();
    await store.applyPullPage(page([record('sites', id, { clientId, name: 'Siège' })]), {
      forceReset: false,
      now: 0,
    });
    await updateRecord<Site>(db, 'sites', id, { name: 'Siège social' });
    await store.applyPullPage(page([record('sites', id, null, 2)]), { forceReset: false, now: 0 });
    expect(await db.sites.get(id)).toMatchObject({ name: 'Siège social' });
    expect(await db.outbox.count()).toBe(1);
  });

  it('keeps the last local copy of a record deleted elsewhere only when the edit conflicted', async () => {
    const plainId = uuidv7();
    const conflictedId = uuidv7();
    for (const id of [plainId, conflictedId]) {
      await store.applyPullPage(
        page([record('sites', id, { clientId, name: 'Siège', city: 'Paris' })]),
        { forceReset: false, now: 0 },
      );
      await updateRecord<Site>(db, 'sites', id, { name: 'Siège social' });
    }
    await store.noteConflicts([{ entity: 'sites', recordId: conflictedId }]);
    const last = (await db.outbox.toArray()).at(-1)!.mutationId!;
    await store.applyPullPage(
      page([record('sites', plainId, null, 2), record('sites', conflictedId, null, 2)], {
        lastAppliedMutationId: last,
      }),
      { forceReset: false, now: 0 },
    );
    expect(await db.sites.count()).toBe(0);
    const kept = await db.syncState.where('key').startsWith('recover:').toArray();
    expect(kept.map((k) => k.key)).toEqual([`recover:sites:${conflictedId}`]);
    expect(kept[0]!.value).toMatchObject({ name: 'Siège social', city: 'Paris' });
    expect(await db.syncState.get(SYNC_STATE_KEYS.conflicted)).toBeUndefined();
  });

  it('stores server conflicts in the conflicts table and bordereaux in their one shape', async () => {
    const conflictId = uuidv7();
    const reportId = uuidv7();
    await store.applyPullPage(
      page([
        record('syncConflicts', conflictId, {
          clientId,
          entity: 'sites',
          recordId: uuidv7(),
          kind: 'edit',
          fields: [],
          detectedAt: 42,
          resolved: false,
        }),
        record('reports', reportId, {
          clientId,
          number: 'BI-2026-JD-0001',
          status: 'draft',
          content: { id: reportId },
        }),
      ]),
      { forceReset: false, now: 0 },
    );
    expect(await db.conflicts.get(conflictId)).toMatchObject({ kind: 'edit', createdAt: 42 });
    // An older laptop pushed the copy of its number beside the report: it is not kept.
    const stored = await db.reports.get(reportId);
    expect(stored).toEqual({
      id: reportId,
      revision: 1,
      updatedAt: stored?.updatedAt,
      clientId,
      status: 'draft',
      content: { id: reportId },
    });
  });
});

describe('DexieSyncStore outbox', () => {
  it('sends changes without their sync envelope, bordereaux in their one shape', async () => {
    const reportId = uuidv7();
    await putRecord(db, 'reports', {
      id: reportId,
      revision: null,
      updatedAt: 5,
      clientId,
      status: 'draft',
      content: { id: reportId },
    });
    // A change an older version queued (restored from its backup): the report under `report`.
    await db.outbox.add({
      entity: 'reports',
      recordId: reportId,
      op: 'upsert',
      baseRevision: null,
      changes: {
        id: reportId,
        clientId,
        number: 'BI-1',
        report: { status: 'draft', content: { id: reportId } },
      },
      at: 6,
    });
    const [m, legacy] = await store.outboxAfter(0, 10);
    expect(m!.changes).toEqual({ clientId, status: 'draft', content: { id: reportId } });
    expect(m!.baseRevision).toBeNull();
    // Lifted as the server checks it (the server ignores the copy of the number).
    expect(legacy!.changes).toEqual({
      clientId,
      number: 'BI-1',
      status: 'draft',
      content: { id: reportId },
    });
  });

  it('uploads the blobs a change names in its declared reference fields, never a hash in free text', async () => {
    const bytesOfHash = (hash: string) => [...hash.slice(0, 3)].map((c) => c.charCodeAt(0));
    const [visitPhoto, reportPhoto, inNotes] = ['a', 'b', 'c'].map((c) => c.repeat(64)) as [
      string,
      string,
      string,
    ];
    for (const hash of [visitPhoto, reportPhoto, inNotes]) {
      await db.attachments.put({
        id: hash,
        ownerId: uuidv7(),
        clientId,
        kind: 'photo',
        mimeType: 'image/jpeg',
        fileName: 'photo.jpg',
        size: 3,
        createdAt: 1,
        data: new Uint8Array(bytesOfHash(hash)).buffer,
      });
    }
    // A visit as the laptop stores it: its photos name their attachment (shared/visit).
    const visitId = uuidv7();
    await putRecord(db, 'interventions', {
      id: visitId,
      revision: null,
      updatedAt: 1,
      clientId,
      photos: [{ attachmentId: visitPhoto, caption: 'Baie', takenAt: 1 }],
      // A hash typed as the request's text is free text, not a reference.
      header: { request: inNotes },
    });
    // A bordereau as stored locally (the report is the record), its photos by SHA-256.
    const reportId = uuidv7();
    const draft = draftReport(reportId);
    await putRecord(db, 'reports', {
      id: reportId,
      revision: null,
      updatedAt: 2,
      interventionId: visitId,
      clientId,
      ...draft,
      content: {
        ...draft.content,
        photos: [{ caption: 'Baie', sha256: reportPhoto, mediaType: 'image/jpeg', takenAt: 1 }],
      },
    });
    const blobs = await store.blobsFor(await store.outboxAfter(0, 10));
    expect(blobs.map((b) => [b.sha256, [...b.bytes]]).sort()).toEqual([
      [visitPhoto, bytesOfHash(visitPhoto)],
      [reportPhoto, bytesOfHash(reportPhoto)],
    ]);
  });
});
