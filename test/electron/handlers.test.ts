import {
  existsSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Dialog } from 'electron';
import { describe, expect, it } from 'vitest';
import { backupHandlers } from '../../electron/handlers/backups';
import { secretHandlers } from '../../electron/handlers/secrets';
import { fileHandlers } from '../../electron/handlers/files';
import { createDesktopApi } from '../../electron/preload-api';
import { IPC_CHANNELS } from '../../shared/ipc';

const tmp = (prefix: string) => mkdtempSync(join(tmpdir(), prefix));

describe('backups', () => {
  it('writes, lists newest first, reads back and keeps only the newest N', async () => {
    const dir = tmp('bordereau-backups-');
    const backups = backupHandlers({ dir, kept: 3 });
    for (let i = 1; i <= 5; i++) {
      const result = await backups.writeBackup({
        name: `backup-${i}.json`,
        json: JSON.stringify({ i }),
      });
      expect(result.ok).toBe(true);
      utimesSync(join(dir, `backup-${i}.json`), i * 1000, i * 1000);
    }
    await backups.writeBackup({ name: 'backup-6.json', json: '{"i":6}' });
    const listed = await backups.listBackups(undefined);
    expect(listed.ok && listed.value.map((b) => b.name)).toEqual([
      'backup-6.json',
      'backup-5.json',
      'backup-4.json',
    ]);
    expect(await backups.readBackup({ name: 'backup-5.json' })).toEqual({
      ok: true,
      value: '{"i":5}',
    });
    expect(await backups.readBackup({ name: 'backup-1.json' })).toMatchObject({
      ok: false,
      error: { code: 'not-found' },
    });
    expect(readdirSync(dir).filter((n) => n.endsWith('.tmp'))).toEqual([]);
  });
});

describe('secrets', () => {
  const reversible = (available: boolean) => ({
    isEncryptionAvailable: () => available,
    encryptString: (v: string) => Buffer.from(`enc:${v}`),
    decryptString: (b: Buffer) => b.toString().replace(/^enc:/, ''),
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
    expect(await files.openPath({ path: join(dir, 'absent.pdf') })).toMatchObject({
      ok: false,
      error: { code: 'not-found' },
    });
    expect(opened).toEqual([join(dir, 'BI-2026-JD-0001.pdf')]);
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
    expect(invoked).toEqual([
      ['secrets:get', { key: 'sync.token' }],
      ['app:info', undefined],
    ]);
  });
});
