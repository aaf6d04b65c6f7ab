import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  checkVersions,
  compareVersions,
  guardStoreVersions,
  listSnapshots,
  SNAPSHOTS_DIR,
  VERSION_STAMP_FILE,
  type VersionStamp,
} from '../../electron/version-guard';

const v1: VersionStamp = { app: '0.1.0', electron: '45.4.1', chrome: '146.0.7680.80' };
const v2: VersionStamp = { app: '0.2.0', electron: '46.0.0', chrome: '148.0.7710.12' };

/** A userData folder holding an IndexedDB store with one LevelDB file, and maybe a stamp. */
function userData(stamp?: VersionStamp | string) {
  const dir = mkdtempSync(join(tmpdir(), 'bordereau-userdata-'));
  const leveldb = join(dir, 'IndexedDB', 'app_bordereau_0.indexeddb.leveldb');
  mkdirSync(leveldb, { recursive: true });
  writeFileSync(join(leveldb, '000003.log'), 'données');
  if (stamp !== undefined)
    writeFileSync(
      join(dir, VERSION_STAMP_FILE),
      typeof stamp === 'string' ? stamp : JSON.stringify(stamp),
    );
  return dir;
}
const stampOf = (dir: string) =>
  JSON.parse(readFileSync(join(dir, VERSION_STAMP_FILE), 'utf8')) as VersionStamp;
const snapshots = (dir: string) =>
  existsSync(join(dir, SNAPSHOTS_DIR)) ? readdirSync(join(dir, SNAPSHOTS_DIR)).sort() : [];

describe('checkVersions', () => {
  it('compares dotted versions numerically', () => {
    expect(compareVersions('146.0.7680.80', '146.0.7680.9')).toBe(1);
    expect(compareVersions('99.0', '146.0')).toBe(-1);
    expect(compareVersions('1.2', '1.2.0')).toBe(0);
  });

  it('decides first run, same, change and downgrade', () => {
    expect(checkVersions(null, v1, false)).toEqual({ kind: 'first-run' });
    expect(checkVersions(null, v1, true)).toEqual({ kind: 'changed', from: null });
    expect(checkVersions(v1, v1, true)).toEqual({ kind: 'same' });
    expect(checkVersions(v1, v2, true)).toEqual({ kind: 'changed', from: v1 });
    expect(checkVersions(v1, { ...v1, app: '0.1.1' }, true)).toEqual({ kind: 'changed', from: v1 });
    expect(checkVersions(v2, v1, true)).toEqual({ kind: 'downgrade', from: v2 });
    // An older Chromium is refused even under a newer app version.
    expect(checkVersions(v2, { ...v1, app: '0.3.0' }, true)).toMatchObject({ kind: 'downgrade' });
  });
});

describe('guardStoreVersions (before the first window)', () => {
  const now = Date.UTC(2026, 10, 30, 6, 0, 0);

  it('on a first run, stamps the versions and copies nothing', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'bordereau-userdata-'));
    expect(await guardStoreVersions({ userData: dir, current: v1, now })).toEqual({
      kind: 'first-run',
    });
    expect(stampOf(dir)).toEqual(v1);
    expect(snapshots(dir)).toEqual([]);
  });

  it('with the same versions, does nothing', async () => {
    const dir = userData(v1);
    expect(await guardStoreVersions({ userData: dir, current: v1, now })).toEqual({ kind: 'same' });
    expect(snapshots(dir)).toEqual([]);
  });

  it('on an upgrade, copies IndexedDB aside before stamping the new versions', async () => {
    const dir = userData(v1);
    const outcome = await guardStoreVersions({ userData: dir, current: v2, now });
    expect(outcome).toMatchObject({ kind: 'snapshot', from: v1 });
    const [name] = snapshots(dir);
    expect(name).toBe('2026-11-30T06-00-00-000Z-app0.1.0-chrome146.0.7680.80');
    const copy = join(dir, SNAPSHOTS_DIR, name!);
    expect(
      readFileSync(
        join(copy, 'IndexedDB', 'app_bordereau_0.indexeddb.leveldb', '000003.log'),
        'utf8',
      ),
    ).toBe('données');
    expect(JSON.parse(readFileSync(join(copy, VERSION_STAMP_FILE), 'utf8'))).toEqual(v1);
    expect(stampOf(dir)).toEqual(v2);
  });

  it('copies a store found without a stamp (written before this guard existed)', async () => {
    const dir = userData();
    expect(await guardStoreVersions({ userData: dir, current: v1, now })).toMatchObject({
      kind: 'snapshot',
      from: null,
    });
    expect(snapshots(dir)).toEqual(['2026-11-30T06-00-00-000Z-version-inconnue']);
  });

  it('treats a damaged stamp like a missing one: a copy is made', async () => {
    const dir = userData('{pas du json');
    expect(await guardStoreVersions({ userData: dir, current: v1, now })).toMatchObject({
      kind: 'snapshot',
    });
    expect(snapshots(dir)).toHaveLength(1);
  });

  it('refuses an older Chromium on a newer store, in French, touching nothing', async () => {
    const dir = userData(v2);
    const outcome = await guardStoreVersions({ userData: dir, current: v1, now });
    expect(outcome.kind).toBe('refused');
    expect(outcome.kind === 'refused' && outcome.message).toMatch(
      /plus ancienne que celle qui a ouvert vos données.*Réinstallez la version 0\.2\.0/,
    );
    expect(stampOf(dir)).toEqual(v2);
    expect(snapshots(dir)).toEqual([]);
  });

  it('keeps the last few copies and removes a half-made one', async () => {
    const dir = userData(v1);
    mkdirSync(join(dir, SNAPSHOTS_DIR, '2020-01-01T00-00-00-000Z-x.partiel'), { recursive: true });
    let current = v1;
    for (let i = 1; i <= 5; i++) {
      current = { ...current, app: `0.${i + 1}.0` };
      await guardStoreVersions({ userData: dir, current, now: now + i * 60_000, kept: 3 });
    }
    expect(snapshots(dir)).toEqual([
      '2026-11-30T06-03-00-000Z-app0.3.0-chrome146.0.7680.80',
      '2026-11-30T06-04-00-000Z-app0.4.0-chrome146.0.7680.80',
      '2026-11-30T06-05-00-000Z-app0.5.0-chrome146.0.7680.80',
    ]);
  });

  it('leaves the old stamp when the copy fails, so the next start copies again', async () => {
    const dir = userData(v1);
    // A file where the snapshots folder should be: mkdir fails.
    writeFileSync(join(dir, SNAPSHOTS_DIR), 'bloque');
    await expect(guardStoreVersions({ userData: dir, current: v2, now })).rejects.toThrow();
    expect(stampOf(dir)).toEqual(v1);
  });
});

describe('listSnapshots', () => {
  it('lists the complete copies, newest first, and where they are', async () => {
    const dir = userData({ app: '0.1.0', electron: '45.4.1', chrome: '146.0.7680.80' });
    expect(await listSnapshots(dir)).toEqual({ folder: join(dir, SNAPSHOTS_DIR), snapshots: [] });
    await guardStoreVersions({ userData: dir, current: v2, now: Date.UTC(2026, 10, 1) });
    await guardStoreVersions({
      userData: dir,
      current: { ...v2, app: '0.3.0' },
      now: Date.UTC(2026, 10, 2),
    });
    mkdirSync(join(dir, SNAPSHOTS_DIR, 'x.partiel'));
    const listed = await listSnapshots(dir);
    expect(listed.snapshots.map((s) => s.name)).toEqual([
      '2026-11-02T00-00-00-000Z-app0.2.0-chrome148.0.7710.12',
      '2026-11-01T00-00-00-000Z-app0.1.0-chrome146.0.7680.80',
    ]);
  });
});
