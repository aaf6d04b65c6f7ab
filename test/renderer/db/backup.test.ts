import { afterEach, describe, expect, it } from 'vitest';
import {
  BackupError,
  backupFileHashes,
  loadBackupFiles,
  backupToJson,
  createBackup,
  parseBackup,
  restoreBackup,
} from '../../../renderer/db/backup';
import type { BordereauDb } from '../../../renderer/db/database';
import { getDeviceId } from '../../../renderer/db/database';
import { putRecords } from '../../../renderer/db/changes';
import { createClient } from '../../../renderer/db/repositories/clients';
import { getAttachment, saveAttachment } from '../../../renderer/db/repositories/attachments';
import { LAST_BACKUP_FAILURE_KEY } from '../../../renderer/db/backup-failure';
import { dailyBackupIfDue, writeRollingBackup } from '../../../renderer/db/rolling-backup';
import { backupOnVersionChange } from '../../../renderer/db/version-backup';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { backupHandlers } from '../../../electron/handlers/backups';
import type { DesktopApi, IpcResult } from '../../../shared/ipc';
import { generateDemoData } from '../../../shared/seed/demo-data';
import { freshDb } from './fresh-db';
import { readOutbox } from '../../../renderer/db/outbox';

const dbs: BordereauDb[] = [];
const track = (db: BordereauDb) => (dbs.push(db), db);
afterEach(() => dbs.splice(0).forEach((d) => d.close()));

describe('JSON backup and restore', () => {
  it('restores an import’s creations queued in one row, and numbers the next change after them', async () => {
    const source = track(freshDb());
    const data = generateDemoData({
      seed: 6,
      clientCount: 1,
      equipmentPerClient: 4,
      now: Date.UTC(2026, 3, 1),
    });
    await putRecords(source, 'clients', data.clients);
    await putRecords(source, 'equipment', data.equipment, { created: true, now: 2 });
    expect(await source.outbox.count()).toBe(2);
    const target = track(freshDb());
    await restoreBackup(target, parseBackup(await backupToJson(source, '1.2.3', 1_000)));
    const queued = await readOutbox(target);
    expect(queued).toEqual(await readOutbox(source));
    expect(queued.map((e) => e.mutationId)).toEqual([1, 2, 3, 4, 5]);
    await createClient(target, { name: 'Après la restauration' });
    expect((await readOutbox(target)).at(-1)?.mutationId).toBe(6);
  });

  it('restores every table exactly, bytes included, into an empty database', async () => {
    const source = track(freshDb());
    const data = generateDemoData({
      seed: 5,
      clientCount: 3,
      equipmentPerClient: 30,
      now: Date.UTC(2026, 3, 1),
    });
    await putRecords(source, 'clients', data.clients);
    await putRecords(source, 'equipment', data.equipment);
    // Any row (here one of an older shape), whatever its binary fields.
    await source.table('attachments').add({
      id: 'abc',
      ownerId: 'r1',
      kind: 'signature',
      bytes: new Uint8Array([0, 1, 254, 255]),
    });
    const json = await backupToJson(source, '1.2.3', 1_000);

    const target = track(freshDb());
    const result = await restoreBackup(target, parseBackup(json));
    expect(result.records).toBe(3 + 90 + 1 + 93 + 1); // clients, equipment, attachment, outbox, deviceId
    expect(await target.clients.toArray()).toEqual(await source.clients.toArray());
    expect(await target.equipment.toArray()).toEqual(await source.equipment.toArray());
    expect(await target.outbox.toArray()).toEqual(await source.outbox.toArray());
    const attachment = (await target.table('attachments').get('abc')) as
      { bytes?: unknown } | undefined;
    expect(attachment?.bytes).toBeInstanceOf(Uint8Array);
    expect([...(attachment!.bytes as Uint8Array)]).toEqual([0, 1, 254, 255]);
    // A restored database syncs as a new device (see restoreBackup), from scratch.
    expect(await getDeviceId(target)).not.toBe(await getDeviceId(source));
    expect(await target.syncState.get('resync')).toEqual({ key: 'resync', value: true });
  });

  it('refuses foreign files and newer schemas in French, and leaves the database untouched', async () => {
    const db = track(freshDb());
    await createClient(db, { name: 'Garder moi' });
    expect(() => parseBackup('{pas du json')).toThrow(BackupError);
    expect(() => parseBackup('{"format":"autre"}')).toThrow(
      'Ce fichier n’est pas une sauvegarde Bordereau.',
    );
    const backup = await createBackup(db, '1.0.0');
    await expect(restoreBackup(db, { ...backup, schemaVersion: 99 })).rejects.toThrow(
      /version plus récente/,
    );
    await expect(
      restoreBackup(db, { ...backup, tables: { ...backup.tables, pirate: [] } }),
    ).rejects.toThrow(/Tables inconnues/);
    // A broken row in the middle: the whole restore is undone.
    const broken = { ...backup, tables: { ...backup.tables, sites: [{ noId: true }] } };
    await expect(restoreBackup(db, broken)).rejects.toThrow();
    expect((await db.clients.toArray()).map((c) => c.name)).toEqual(['Garder moi']);
  });
});

/** A desktop whose file store holds everything already (copies without binary values). */
const noFiles: Pick<DesktopApi, 'missingBackupFiles' | 'writeBackupFile'> = {
  missingBackupFiles: async () => ({ ok: true, value: [] }),
  writeBackupFile: async () => ({ ok: true, value: { written: true } }),
};

describe('backupOnVersionChange', () => {
  it('writes a disk copy when the version changes, and records the new version only once saved', async () => {
    const db = track(freshDb());
    await createClient(db, { name: 'Client précieux' });
    const written: { name: string; json: string }[] = [];
    let fail = false;
    const desktop = {
      ...noFiles,
      writeBackup: async (req: {
        name: string;
        json: string;
      }): Promise<IpcResult<{ path: string }>> => {
        if (fail) return { ok: false, error: { code: 'io', message: 'Disque plein.' } };
        written.push(req);
        return { ok: true, value: { path: `/data/backups/${req.name}` } };
      },
    };
    expect(await backupOnVersionChange(db, desktop, '1.0.0', 1)).toEqual({ kind: 'first-run' });
    expect(await backupOnVersionChange(db, desktop, '1.0.0', 2)).toEqual({ kind: 'same-version' });
    fail = true;
    expect(await backupOnVersionChange(db, desktop, '1.1.0', 3)).toMatchObject({
      kind: 'failed',
      message: 'Disque plein.',
    });
    fail = false;
    const saved = await backupOnVersionChange(db, desktop, '1.1.0', Date.UTC(2026, 10, 23, 8));
    expect(saved).toMatchObject({ kind: 'saved', from: '1.0.0', to: '1.1.0' });
    expect(written).toHaveLength(1);
    expect(written[0]!.name).toMatch(/^[A-Za-z0-9._-]{1,120}\.json$/);
    expect(parseBackup(written[0]!.json).tables.clients?.[0]).toMatchObject({
      name: 'Client précieux',
    });
    expect(await backupOnVersionChange(db, desktop, '1.1.0', 5)).toEqual({ kind: 'same-version' });
  });
});

describe('rolling disk copies (daily and after each signature)', () => {
  function fakeDesktop(code: 'ok' | 'unavailable' | 'io' = 'ok') {
    const written: { name: string; json: string }[] = [];
    return {
      written,
      ...noFiles,
      writeBackup: async (req: {
        name: string;
        json: string;
      }): Promise<IpcResult<{ path: string }>> => {
        if (code === 'unavailable')
          return { ok: false, error: { code: 'unavailable', message: 'Navigateur.' } };
        if (code === 'io') return { ok: false, error: { code: 'io', message: 'Disque plein.' } };
        written.push(req);
        return { ok: true, value: { path: `/data/backups/${req.name}` } };
      },
    };
  }
  const DAY0 = Date.UTC(2026, 10, 23, 7, 30);
  const HOUR = 3_600_000;

  it('writes the daily copy once per day, and never a copy of an empty database', async () => {
    const db = track(freshDb());
    const desktop = fakeDesktop();
    // Just wiped, or first start: nothing to copy, and the good copies on disk stay.
    expect(await dailyBackupIfDue(db, desktop, '1.0.0', DAY0)).toEqual({
      kind: 'skipped',
      why: 'empty',
    });
    await createClient(db, { name: 'Client précieux' });
    expect(await dailyBackupIfDue(db, desktop, '1.0.0', DAY0)).toMatchObject({
      kind: 'saved',
      name: 'bordereau-quotidienne-2026-11-23T07-30-00-000Z.json',
    });
    expect(await dailyBackupIfDue(db, desktop, '1.0.0', DAY0 + 8 * HOUR)).toEqual({
      kind: 'skipped',
      why: 'not-due',
    });
    expect(await dailyBackupIfDue(db, desktop, '1.0.0', DAY0 + 24 * HOUR)).toMatchObject({
      kind: 'saved',
    });
    expect(desktop.written).toHaveLength(2);
    const restored = track(freshDb());
    await restoreBackup(restored, parseBackup(desktop.written[0]!.json));
    expect((await restored.clients.toArray()).map((c) => c.name)).toEqual(['Client précieux']);
  });

  it('writes a copy after a signature, and says nothing when there is no disk (browser)', async () => {
    const db = track(freshDb());
    await createClient(db, { name: 'Client précieux' });
    const desktop = fakeDesktop();
    expect(await writeRollingBackup(db, desktop, '1.0.0', 'apres-signature', DAY0)).toMatchObject({
      kind: 'saved',
      name: 'bordereau-apres-signature-2026-11-23T07-30-00-000Z.json',
    });
    // The signature's copy counts as today's.
    expect(await dailyBackupIfDue(db, desktop, '1.0.0', DAY0 + HOUR)).toMatchObject({
      why: 'not-due',
    });
    expect(
      await writeRollingBackup(db, fakeDesktop('unavailable'), '1.0.0', 'apres-signature', DAY0),
    ).toEqual({ kind: 'skipped', why: 'unavailable' });
    expect(await writeRollingBackup(db, fakeDesktop('io'), '1.0.0', 'quotidienne', DAY0)).toEqual({
      kind: 'failed',
      message: 'Disque plein.',
    });
  });
});

describe('disk copies through the shell (its real backup handlers on a temporary folder)', () => {
  const photo = (seed: number, size = 200_000) => {
    const bytes = new Uint8Array(size);
    for (let i = 0; i < size; i++) bytes[i] = (i * 31 + seed) % 251;
    return bytes;
  };
  const addPhoto = (db: BordereauDb, seed: number) =>
    saveAttachment(db, {
      ownerId: 'visit-1',
      clientId: 'c1',
      kind: 'photo',
      mimeType: 'image/jpeg',
      fileName: `photo-${seed}.jpg`,
      createdAt: 1,
      bytes: photo(seed),
    });

  it('writes photos as files beside the JSON, once each, and restores them byte for byte', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'bordereau-disk-backups-'));
    const shell = backupHandlers({ dir });
    const db = track(freshDb());
    await createClient(db, { name: 'Client précieux' });
    const first = await addPhoto(db, 1);
    await addPhoto(db, 2);
    const DAY0 = Date.UTC(2026, 10, 23, 7, 30);

    expect(await writeRollingBackup(db, shell, '1.0.0', 'quotidienne', DAY0)).toMatchObject({
      kind: 'saved',
    });
    const files = readdirSync(join(dir, 'fichiers')).sort();
    expect(files).toEqual(
      [first.id, (await db.attachments.toArray()).find((a) => a.id !== first.id)!.id].sort(),
    );
    const json = readFileSync(
      join(dir, 'bordereau-quotidienne-2026-11-23T07-30-00-000Z.json'),
      'utf8',
    );
    // No photo inside the JSON: a few kilobytes, whatever the photos weigh.
    expect(json.length).toBeLessThan(20_000);
    expect(json).not.toContain('$binary');

    // A second copy sends only the new photo.
    let sent = 0;
    const counting = {
      ...shell,
      writeBackupFile: (req: Parameters<typeof shell.writeBackupFile>[0]) => (
        sent++,
        shell.writeBackupFile(req)
      ),
    };
    await addPhoto(db, 3);
    await writeRollingBackup(db, counting, '1.0.0', 'apres-signature', DAY0 + 3_600_000);
    expect(sent).toBe(1);
    expect(readdirSync(join(dir, 'fichiers'))).toHaveLength(3);

    const listed = await shell.listBackups(undefined);
    const newest = listed.ok ? listed.value[0]!.name : '';
    const read = await shell.readBackup({ name: newest });
    const backup = parseBackup(read.ok ? read.value : '');
    expect(backup.formatVersion).toBe(2);
    expect(backupFileHashes(backup)).toHaveLength(3);
    const restored = track(freshDb());
    await restoreBackup(restored, backup, await loadBackupFiles(backup, shell));
    const original = await getAttachment(db, first.id);
    const back = await getAttachment(restored, first.id);
    expect(new Uint8Array(back!.data as ArrayBuffer)).toEqual(
      new Uint8Array(original!.data as ArrayBuffer),
    );
  });

  it('refuses a restore whose photo files are missing, leaving the database as it was', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'bordereau-disk-backups-'));
    const shell = backupHandlers({ dir });
    const db = track(freshDb());
    await createClient(db, { name: 'Client précieux' });
    await addPhoto(db, 1);
    await writeRollingBackup(db, shell, '1.0.0', 'quotidienne', 1_000);
    const listed = await shell.listBackups(undefined);
    const read = await shell.readBackup({ name: listed.ok ? listed.value[0]!.name : '' });
    const backup = parseBackup(read.ok ? read.value : '');
    const target = track(freshDb());
    await createClient(target, { name: 'Déjà là' });
    await expect(restoreBackup(target, backup)).rejects.toThrow(/photo .* manque/);
    expect((await target.clients.toArray()).map((c) => c.name)).toEqual(['Déjà là']);
  });

  it('records a failed copy for the app to show, and clears it at the next good one', async () => {
    const db = track(freshDb());
    await createClient(db, { name: 'Client précieux' });
    const broken = {
      ...noFiles,
      writeBackup: async (): Promise<IpcResult<{ path: string }>> => ({
        ok: false,
        error: { code: 'io', message: 'ENOSPC: disque plein' },
      }),
    };
    await writeRollingBackup(db, broken, '1.0.0', 'apres-signature', 5_000);
    expect((await db.settings.get(LAST_BACKUP_FAILURE_KEY))?.value).toEqual({
      kind: 'apres-signature',
      message: 'ENOSPC: disque plein',
      at: 5_000,
    });
    const shell = backupHandlers({ dir: mkdtempSync(join(tmpdir(), 'bordereau-disk-backups-')) });
    await writeRollingBackup(db, shell, '1.0.0', 'quotidienne', 6_000);
    expect(await db.settings.get(LAST_BACKUP_FAILURE_KEY)).toBeUndefined();
  });
});
