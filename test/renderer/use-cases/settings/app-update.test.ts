import { afterEach, describe, expect, it } from 'vitest';
import {
  checkForUpdates,
  installUpdate,
  updateStatusText,
} from '../../../../renderer/use-cases/settings/app-update';
import type { BordereauDb } from '../../../../renderer/db/database';
import { SESSION_SETTING_KEY } from '../../../../renderer/sync/session';
import { updateHandlers, type Updater } from '../../../../electron/updates';
import { freshDb } from '../../db/fresh-db';
import { newVisit } from '../../visits/visit-fixtures';

const dbs: BordereauDb[] = [];
afterEach(() => dbs.splice(0).forEach((d) => d.close()));

/** The shell's real update handlers over an updater that has downloaded 0.2.0. */
function shellWithReadyUpdate() {
  const installs: unknown[] = [];
  const listeners = new Map<string, (info: { version: string }) => void>();
  const updater = {
    autoDownload: false,
    autoInstallOnAppQuit: true,
    allowDowngrade: true,
    allowPrerelease: true,
    feeds: [] as unknown[],
    setFeedURL(options: unknown) {
      updater.feeds.push(options);
    },
    async checkForUpdates() {
      listeners.get('update-downloaded')?.({ version: '0.2.0' });
      return null;
    },
    quitAndInstall: (...args: unknown[]) => installs.push(args),
    on(event: string, listener: (info: { version: string }) => void) {
      listeners.set(event, listener);
      return updater;
    },
  };
  // The overloads of `on` are matched by event name at run time.
  const handlers = updateHandlers({
    updater: updater as unknown as Updater,
    isPackaged: true,
    currentVersion: '0.1.0',
  });
  return { handlers, installs, updater };
}

describe('app updates from the settings screen', () => {
  it('checks against the office server the laptop is logged in to', async () => {
    const db = freshDb();
    dbs.push(db);
    const shell = shellWithReadyUpdate();
    expect(await checkForUpdates(db, shell.handlers)).toBeNull();
    await db.settings.put({
      key: SESSION_SETTING_KEY,
      value: { serverUrl: 'https://bureau.exemple.fr', account: null, expiresAt: null },
    });
    const result = await checkForUpdates(db, shell.handlers);
    expect(result).toEqual({
      ok: true,
      value: { status: 'ready', version: '0.2.0', message: null },
    });
    expect(shell.updater.feeds).toEqual([
      { provider: 'generic', url: 'https://bureau.exemple.fr/updates/' },
    ]);
    expect(result?.ok && updateStatusText(result.value)).toBe('Version 0.2.0 prête à installer.');
  });

  it('never installs while a visit is under way', async () => {
    const db = freshDb();
    dbs.push(db);
    const shell = shellWithReadyUpdate();
    await db.settings.put({
      key: SESSION_SETTING_KEY,
      value: { serverUrl: 'https://bureau.exemple.fr', account: null, expiresAt: null },
    });
    await checkForUpdates(db, shell.handlers);
    await newVisit(db);
    const refused = await installUpdate(db, shell.handlers);
    expect(refused).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(shell.installs).toEqual([]);
    await db.interventions.clear();
    expect(await installUpdate(db, shell.handlers)).toEqual({
      ok: true,
      value: { installing: true },
    });
    expect(shell.installs).toHaveLength(1);
  });
});
