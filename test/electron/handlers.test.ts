import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  unlinkSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { createHash } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Dialog } from 'electron';
import { describe, expect, it } from 'vitest';
import { backupHandlers } from '../../electron/handlers/backups';
import {
  isOsEncryptionAvailable,
  secretHandlers,
  type SecretStorage,
} from '../../electron/handlers/secrets';
import { fileHandlers } from '../../electron/handlers/files';
import { FileInUseError } from '../../electron/atomic-write';
import { createDesktopApi } from '../../electron/preload-api';
import { IPC_CHANNELS, ipcSchemas } from '../../shared/ipc';

const tmp = (prefix: string) => mkdtempSync(join(tmpdir(), prefix));

describe('backups', () => {
  const policy = { versionKept: 2, recentKept: 3, weeksKept: 4, maxBytes: 10_000_000 };
  const daily = (i: number) => `bordereau-quotidienne-${i}.json`;

  it('writes, lists newest first, reads back, and prunes by tier in main', async () => {
    const dir = tmp('bordereau-backups-');
    // Real time: the last copy's modification time is the clock's.
    const now = Date.now();
    const backups = backupHandlers({ dir, policy, now: () => now });
    expect(
      await backups.writeBackup({
        kind: 'avant-changement',
        name: 'bordereau-avant-changement-v1.json',
        json: '{"v":1}',
      }),
    ).toEqual({ ok: true, value: { path: join(dir, 'bordereau-avant-changement-v1.json') } });
    utimesSync(join(dir, 'bordereau-avant-changement-v1.json'), now / 1000 - 60, now / 1000 - 60);
    for (let i = 1; i <= 6; i++) {
      const result = await backups.writeBackup({
        kind: 'quotidienne',
        name: daily(i),
        json: JSON.stringify({ i }),
      });
      expect(result.ok).toBe(true);
      const at = now / 1000 - 30 + i;
      utimesSync(join(dir, daily(i)), at, at);
    }
    await backups.writeBackup({ kind: 'quotidienne', name: daily(7), json: '{"i":7}' });
    const listed = await backups.listBackups(undefined);
    // The version copy survives six daily copies; the three newest daily ones stay.
    expect(listed.ok && listed.value.map((b) => b.name).sort()).toEqual(
      ['bordereau-avant-changement-v1.json', daily(5), daily(6), daily(7)].sort(),
    );
    expect(await backups.readBackup({ name: daily(6) })).toEqual({ ok: true, value: '{"i":6}' });
    expect(await backups.readBackup({ name: daily(1) })).toMatchObject({
      ok: false,
      error: { code: 'not-found' },
    });
    expect(readdirSync(dir).filter((n) => n.endsWith('.tmp'))).toEqual([]);
  });

  it('answers every one of many overlapping writes as written', async () => {
    const dir = tmp('bordereau-backups-');
    const backups = backupHandlers({ dir, policy: { ...policy, recentKept: 2, weeksKept: 1 } });
    const results = await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        backups.writeBackup({
          kind: 'apres-signature',
          name: `bordereau-apres-signature-${i}.json`,
          json: '{}',
        }),
      ),
    );
    expect(results.every((r) => r.ok)).toBe(true);
    expect(readdirSync(dir).filter((n) => n.endsWith('.json'))).toHaveLength(2);
  });

  it('refuses a name that does not match its kind (the tier is read from the name)', () => {
    expect(
      ipcSchemas.writeBackup.request.safeParse({
        kind: 'quotidienne',
        name: 'bordereau-avant-changement-x.json',
        json: '{}',
      }).success,
    ).toBe(false);
  });

  it('stores photo files under their checked SHA-256 and removes those no copy names', async () => {
    const dir = tmp('bordereau-backups-');
    let now = Date.UTC(2026, 10, 30, 12);
    const backups = backupHandlers({
      dir,
      policy: { ...policy, recentKept: 1, weeksKept: 1 },
      now: () => now,
    });
    const bytes = new Uint8Array([1, 2, 3, 4]);
    const hash = createHash('sha256').update(bytes).digest('hex');
    const other = createHash('sha256').update('autre').digest('hex');
    expect(await backups.writeBackupFile({ hash: other, bytes })).toMatchObject({
      ok: false,
      error: { code: 'invalid-payload' },
    });
    expect(await backups.missingBackupFiles({ hashes: [hash, other] })).toEqual({
      ok: true,
      value: [hash, other],
    });
    expect(await backups.writeBackupFile({ hash, bytes })).toEqual({
      ok: true,
      value: { written: true },
    });
    expect(await backups.missingBackupFiles({ hashes: [hash] })).toEqual({ ok: true, value: [] });
    expect(await backups.readBackupFile({ hash })).toEqual({
      ok: true,
      value: new Uint8Array(bytes),
    });

    await backups.writeBackup({
      kind: 'quotidienne',
      name: daily(1),
      json: JSON.stringify({ tables: { attachments: [{ data: { $file: hash } }] } }),
    });
    // The next copy no longer names it: kept through the grace period, removed after.
    await backups.writeBackup({ kind: 'quotidienne', name: daily(2), json: '{}' });
    expect(existsSync(join(dir, 'fichiers', hash))).toBe(true);
    now += 2 * 24 * 3600 * 1000;
    await backups.writeBackup({ kind: 'quotidienne', name: daily(3), json: '{}' });
    expect(existsSync(join(dir, 'fichiers', hash))).toBe(false);
    expect(await backups.readBackupFile({ hash })).toMatchObject({
      ok: false,
      error: { code: 'not-found' },
    });
  });
});

describe('backups: debris of a crash mid-write', () => {
  it('removes stale temporary files, and leaves those of a write under way', async () => {
    const dir = tmp('bordereau-backups-');
    const now = Date.now();
    const backups = backupHandlers({ dir, now: () => now });
    mkdirSync(join(dir, 'fichiers'));
    const stale = [
      join(dir, 'bordereau-quotidienne-0.json.1234.tmp'),
      join(dir, 'fichiers', 'ab.5678.tmp'),
    ];
    for (const file of stale) {
      writeFileSync(file, 'moitié');
      utimesSync(file, (now - 3 * 24 * 3600 * 1000) / 1000, (now - 3 * 24 * 3600 * 1000) / 1000);
    }
    const fresh = join(dir, 'bordereau-quotidienne-9.json.9999.tmp');
    writeFileSync(fresh, 'en cours');
    await backups.writeBackup({
      kind: 'quotidienne',
      name: 'bordereau-quotidienne-1.json',
      json: '{}',
    });
    expect(stale.map(existsSync)).toEqual([false, false]);
    expect(existsSync(fresh)).toBe(true);
  });
});

describe('secrets', () => {
  type Backend = ReturnType<SecretStorage['getSelectedStorageBackend']>;
  const reversible = (
    available: boolean,
    backend: Backend = 'gnome_libsecret',
    shouldReEncrypt = false,
  ) => ({
    isAsyncEncryptionAvailable: async () => available,
    getSelectedStorageBackend: (): Backend => backend,
    encryptStringAsync: async (v: string) => Buffer.from(`enc:${v}`),
    decryptStringAsync: async (b: Buffer) => ({
      result: b.toString().replace(/^enc:/, ''),
      shouldReEncrypt,
    }),
  });

  it('stores the token encrypted when the OS keychain is available, never in clear text', async () => {
    const file = join(tmp('bordereau-secrets-'), 'secrets.json');
    const secrets = secretHandlers({ safeStorage: reversible(true), file });
    expect(await secrets.setSecret({ key: 'sync.token', value: 'tok-123' })).toEqual({
      ok: true,
      value: { stored: true, encrypted: true },
    });
    expect(readFileSync(file, 'utf8')).not.toContain('tok-123');
    expect(await secrets.getSecret({ key: 'sync.token' })).toEqual({ ok: true, value: 'tok-123' });
    expect(await secrets.deleteSecret({ key: 'sync.token' })).toEqual({
      ok: true,
      value: { deleted: true },
    });
    expect(await secrets.getSecret({ key: 'sync.token' })).toEqual({ ok: true, value: null });
  });

  it('says so when it cannot encrypt', async () => {
    const file = join(tmp('bordereau-secrets-'), 'secrets.json');
    const secrets = secretHandlers({ safeStorage: reversible(false), file });
    expect(await secrets.setSecret({ key: 'sync.token', value: 'tok' })).toEqual({
      ok: true,
      value: { stored: true, encrypted: false },
    });
    expect(await secrets.getSecret({ key: 'sync.token' })).toEqual({ ok: true, value: 'tok' });
  });

  it('reports unencrypted on Linux when safeStorage only has the hard-coded basic_text password', async () => {
    const file = join(tmp('bordereau-secrets-'), 'secrets.json');
    const safeStorage = reversible(true, 'basic_text');
    const secrets = secretHandlers({ safeStorage, file, platform: 'linux' });
    expect(await secrets.setSecret({ key: 'sync.token', value: 'tok-basic' })).toEqual({
      ok: true,
      value: { stored: true, encrypted: false },
    });
    // Stored with the same flag as it is reported, and read back without safeStorage.
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual({
      'sync.token': { encrypted: false, data: Buffer.from('tok-basic').toString('base64') },
    });
    expect(await secrets.getSecret({ key: 'sync.token' })).toEqual({
      ok: true,
      value: 'tok-basic',
    });
  });

  it('still reads a value an earlier version encrypted with basic_text', async () => {
    const file = join(tmp('bordereau-secrets-'), 'secrets.json');
    writeFileSync(
      file,
      JSON.stringify({
        'sync.token': { encrypted: true, data: Buffer.from('enc:old-tok').toString('base64') },
      }),
    );
    const secrets = secretHandlers({
      safeStorage: reversible(true, 'basic_text'),
      file,
      platform: 'linux',
    });
    expect(await secrets.getSecret({ key: 'sync.token' })).toEqual({ ok: true, value: 'old-tok' });
  });

  it('counts a Linux keyring backend as encryption, and asks for the backend on Linux only', async () => {
    expect(await isOsEncryptionAvailable(reversible(true, 'gnome_libsecret'), 'linux')).toBe(true);
    expect(await isOsEncryptionAvailable(reversible(true, 'kwallet6'), 'linux')).toBe(true);
    expect(await isOsEncryptionAvailable(reversible(true, 'basic_text'), 'linux')).toBe(false);
    expect(await isOsEncryptionAvailable(reversible(false, 'gnome_libsecret'), 'linux')).toBe(
      false,
    );
    const noBackendQuery = {
      ...reversible(true),
      getSelectedStorageBackend: (): Backend => {
        throw new Error('getSelectedStorageBackend is Linux-only');
      },
    };
    expect(await isOsEncryptionAvailable(noBackendQuery, 'darwin')).toBe(true);
    expect(await isOsEncryptionAvailable(noBackendQuery, 'win32')).toBe(true);
  });

  it('accepts the sync token only: any other key, constructor and __proto__ included, is refused', () => {
    for (const schema of [
      ipcSchemas.getSecret.request,
      ipcSchemas.deleteSecret.request,
      ipcSchemas.secretStatus.request,
    ]) {
      expect(schema.safeParse({ key: 'sync.token' }).success).toBe(true);
      for (const key of ['constructor', '__proto__', 'toString', 'sync.token2', 'other'])
        expect(schema.safeParse({ key }).success, key).toBe(false);
    }
    expect(ipcSchemas.setSecret.request.safeParse({ key: 'constructor', value: 'x' }).success).toBe(
      false,
    );
  });

  it('ignores unknown keys in a tampered secrets file, and reads nothing from the prototype', async () => {
    const file = join(tmp('bordereau-secrets-'), 'secrets.json');
    writeFileSync(
      file,
      '{"__proto__":{"sync.token":{"encrypted":false,"data":"cG9pc29u"}},"other":{"encrypted":false,"data":"eA=="}}',
    );
    const secrets = secretHandlers({ safeStorage: reversible(true), file });
    expect(await secrets.getSecret({ key: 'sync.token' })).toEqual({ ok: true, value: null });
    await secrets.setSecret({ key: 'sync.token', value: 'tok' });
    expect(Object.keys(JSON.parse(readFileSync(file, 'utf8')) as object)).toEqual(['sync.token']);
  });

  it('re-encrypts a value safeStorage says was encrypted with a rotated key', async () => {
    const file = join(tmp('bordereau-secrets-'), 'secrets.json');
    writeFileSync(
      file,
      JSON.stringify({
        'sync.token': { encrypted: true, data: Buffer.from('old:tok').toString('base64') },
      }),
    );
    const secrets = secretHandlers({
      safeStorage: reversible(true, 'gnome_libsecret', true),
      file,
      platform: 'linux',
    });
    expect(await secrets.getSecret({ key: 'sync.token' })).toEqual({ ok: true, value: 'old:tok' });
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual({
      'sync.token': { encrypted: true, data: Buffer.from('enc:old:tok').toString('base64') },
    });
  });

  it('tells the settings screen whether the stored token is encrypted', async () => {
    const file = join(tmp('bordereau-secrets-'), 'secrets.json');
    const clear = secretHandlers({ safeStorage: reversible(false), file });
    expect(await clear.secretStatus({ key: 'sync.token' })).toEqual({
      ok: true,
      value: { stored: false, encrypted: null },
    });
    await clear.setSecret({ key: 'sync.token', value: 'tok' });
    expect(await clear.secretStatus({ key: 'sync.token' })).toEqual({
      ok: true,
      value: { stored: true, encrypted: false },
    });
    const keyring = secretHandlers({ safeStorage: reversible(true), file, platform: 'darwin' });
    await keyring.setSecret({ key: 'sync.token', value: 'tok' });
    expect(await keyring.secretStatus({ key: 'sync.token' })).toEqual({
      ok: true,
      value: { stored: true, encrypted: true },
    });
  });
});

describe('files', () => {
  it('saves the PDF where the user chose, adding the extension, and reopens only existing PDFs', async () => {
    const dir = tmp('bordereau-files-');
    const opened: string[] = [];
    const dialog = {
      showSaveDialog: async () => ({ canceled: false, filePath: join(dir, 'BI-2026-JD-0001') }),
    } as unknown as Pick<Dialog, 'showSaveDialog'>;
    const files = fileHandlers({
      dialog,
      shell: { openPath: async (p: string) => (opened.push(p), '') },
      documentsDir: dir,
      window: () => null,
    });
    const saved = await files.savePdf({
      suggestedName: 'BI-2026-JD-0001.pdf',
      bytes: new Uint8Array([37, 80, 68, 70]),
    });
    expect(saved).toEqual({ ok: true, value: { path: join(dir, 'BI-2026-JD-0001.pdf') } });
    expect(readFileSync(join(dir, 'BI-2026-JD-0001.pdf'), 'latin1')).toBe('%PDF');

    expect(await files.openPath({ path: join(dir, 'BI-2026-JD-0001.pdf') })).toEqual({
      ok: true,
      value: { opened: true },
    });
    writeFileSync(join(dir, 'script.sh'), 'rm -rf /');
    expect(await files.openPath({ path: join(dir, 'script.sh') })).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    // Saved by this run, then moved away.
    unlinkSync(join(dir, 'BI-2026-JD-0001.pdf'));
    expect(await files.openPath({ path: join(dir, 'BI-2026-JD-0001.pdf') })).toMatchObject({
      ok: false,
      error: { code: 'not-found' },
    });
    expect(opened).toEqual([join(dir, 'BI-2026-JD-0001.pdf')]);
  });

  /** A save dialog answering from a list, recording the options it was opened with. */
  const scriptedDialog = (answers: string[]) => {
    const shown: { title?: string; defaultPath?: string }[] = [];
    const dialog = {
      showSaveDialog: async (options: { title?: string; defaultPath?: string }) => {
        shown.push(options);
        const filePath = answers.shift();
        return filePath === undefined
          ? { canceled: true, filePath: '' }
          : { canceled: false, filePath };
      },
    } as unknown as Pick<Dialog, 'showSaveDialog'>;
    return { dialog, shown };
  };
  const pdf = new Uint8Array([37, 80, 68, 70]);

  it('asks again, with the .pdf name, before replacing an existing X.pdf the dialog never asked about', async () => {
    const dir = tmp('bordereau-files-');
    writeFileSync(join(dir, 'BI-1.pdf'), 'ancien');
    const { dialog, shown } = scriptedDialog([join(dir, 'BI-1'), join(dir, 'BI-1.pdf')]);
    const files = fileHandlers({
      dialog,
      shell: { openPath: async () => '' },
      documentsDir: dir,
      window: () => null,
    });
    expect(await files.savePdf({ suggestedName: 'BI-1.pdf', bytes: pdf })).toEqual({
      ok: true,
      value: { path: join(dir, 'BI-1.pdf') },
    });
    expect(shown).toHaveLength(2);
    expect(shown[1]).toMatchObject({ defaultPath: join(dir, 'BI-1.pdf') });
    expect(shown[1]!.title).toContain('BI-1.pdf existe déjà');
    // Replaced only after the second dialog, where the OS asked about BI-1.pdf itself.
    expect(readFileSync(join(dir, 'BI-1.pdf'), 'latin1')).toBe('%PDF');
  });

  it('never silently replaces X.pdf: a second extension-less answer is refused, a cancel writes nothing', async () => {
    const dir = tmp('bordereau-files-');
    writeFileSync(join(dir, 'BI-1.pdf'), 'ancien');
    const refused = scriptedDialog([join(dir, 'BI-1'), join(dir, 'BI-1')]);
    const files = fileHandlers({
      dialog: refused.dialog,
      shell: { openPath: async () => '' },
      documentsDir: dir,
      window: () => null,
    });
    const result = await files.savePdf({ suggestedName: 'BI-1.pdf', bytes: pdf });
    expect(result).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(!result.ok && result.error.message).toMatch(
      /BI-1\.pdf existe déjà et n’a pas été remplacé/,
    );
    expect(refused.shown).toHaveLength(2);

    const cancelled = scriptedDialog([join(dir, 'BI-1')]);
    const again = fileHandlers({
      dialog: cancelled.dialog,
      shell: { openPath: async () => '' },
      documentsDir: dir,
      window: () => null,
    });
    expect(await again.savePdf({ suggestedName: 'BI-1.pdf', bytes: pdf })).toEqual({
      ok: true,
      value: null,
    });
    expect(readFileSync(join(dir, 'BI-1.pdf'), 'utf8')).toBe('ancien');
    expect(readdirSync(dir)).toEqual(['BI-1.pdf']);
  });

  it('writes X.pdf without asking again when it does not exist yet', async () => {
    const dir = tmp('bordereau-files-');
    const { dialog, shown } = scriptedDialog([join(dir, 'BI-2')]);
    const files = fileHandlers({
      dialog,
      shell: { openPath: async () => '' },
      documentsDir: dir,
      window: () => null,
    });
    expect(await files.savePdf({ suggestedName: 'BI-2.pdf', bytes: pdf })).toEqual({
      ok: true,
      value: { path: join(dir, 'BI-2.pdf') },
    });
    expect(shown).toHaveLength(1);
  });

  it('opens only the PDFs it saved during this run: no other file, no UNC or relative path', async () => {
    const dir = tmp('bordereau-files-');
    const opened: string[] = [];
    const { dialog } = scriptedDialog([join(dir, 'BI-3.pdf')]);
    const files = fileHandlers({
      dialog,
      shell: { openPath: async (p: string) => (opened.push(p), '') },
      documentsDir: dir,
      window: () => null,
    });
    await files.savePdf({ suggestedName: 'BI-3.pdf', bytes: pdf });
    writeFileSync(join(dir, 'autre.pdf'), '%PDF');

    for (const path of [
      join(dir, 'autre.pdf'),
      '\\\\serveur\\partage\\BI-3.pdf',
      '//serveur/partage/BI-3.pdf',
      '\\\\?\\C:\\BI-3.pdf',
      'BI-3.pdf',
      '../BI-3.pdf',
    ]) {
      const result = await files.openPath({ path });
      expect(result, path).toMatchObject({ ok: false, error: { code: 'forbidden' } });
      expect(!result.ok && result.error.message, path).toMatch(/^(Chemin refusé|Seuls les)/);
    }
    // The same file, spelled differently, is still the file that was saved.
    expect(await files.openPath({ path: join(dir, '.', 'BI-3.pdf') })).toEqual({
      ok: true,
      value: { opened: true },
    });
    expect(opened).toEqual([join(dir, 'BI-3.pdf')]);

    // Another instance of the handlers (another run) has saved nothing.
    const nextRun = fileHandlers({
      dialog,
      shell: { openPath: async (p: string) => (opened.push(p), '') },
      documentsDir: dir,
      window: () => null,
    });
    expect(await nextRun.openPath({ path: join(dir, 'BI-3.pdf') })).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    expect(opened).toHaveLength(1);
  });

  it('says in French that the PDF is open in another program (Windows lock), writing nothing', async () => {
    const dir = tmp('bordereau-files-');
    const { dialog } = scriptedDialog([join(dir, 'BI-4.pdf')]);
    const files = fileHandlers({
      dialog,
      shell: { openPath: async () => '' },
      documentsDir: dir,
      window: () => null,
      write: async (path) => {
        throw new FileInUseError(path);
      },
    });
    expect(await files.savePdf({ suggestedName: 'BI-4.pdf', bytes: pdf })).toEqual({
      ok: false,
      error: {
        code: 'io',
        message: expect.stringMatching(
          /^Le fichier BI-4\.pdf est ouvert dans une autre application/,
        ),
      },
    });
  });

  it('answers null when the user cancels, writing nothing', async () => {
    const dir = tmp('bordereau-files-');
    const dialog = {
      showSaveDialog: async () => ({ canceled: true, filePath: '' }),
    } as unknown as Pick<Dialog, 'showSaveDialog'>;
    const files = fileHandlers({
      dialog,
      shell: { openPath: async () => '' },
      documentsDir: dir,
      window: () => null,
    });
    expect(await files.savePdf({ suggestedName: 'a.pdf', bytes: new Uint8Array(1) })).toEqual({
      ok: true,
      value: null,
    });
    expect(existsSync(join(dir, 'a.pdf'))).toBe(false);
  });
});

describe('preload API', () => {
  it('exposes one function per channel, each invoking its own channel', async () => {
    const invoked: [string, unknown][] = [];
    const api = createDesktopApi({
      invoke: async (channel: string, payload: unknown) => (
        invoked.push([channel, payload]),
        { ok: true, value: null }
      ),
    });
    expect(Object.keys(api).sort()).toEqual(Object.keys(IPC_CHANNELS).sort());
    await api.getSecret({ key: 'sync.token' });
    await api.appInfo();
    const bytes = new TextEncoder().encode('%PDF-1.7');
    await api.printPdf({ title: 'BI-1', bytes });
    expect(invoked).toEqual([
      ['secrets:get', { key: 'sync.token' }],
      ['app:info', undefined],
      ['files:printPdf', { title: 'BI-1', bytes }],
    ]);
  });
});
