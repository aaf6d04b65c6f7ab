import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { updateHandlers, type Updater } from '../../electron/updates';

/** electron-updater's autoUpdater, as far as the shell uses it; the test drives its events. */
function fakeUpdater(onCheck: (u: FakeUpdater) => void = () => undefined) {
  const updater = Object.assign(new EventEmitter(), {
    autoDownload: false,
    autoInstallOnAppQuit: true,
    allowDowngrade: true,
    allowPrerelease: true,
    feeds: [] as unknown[],
    checks: 0,
    installs: [] as unknown[][],
    setFeedURL(options: unknown) {
      updater.feeds.push(options);
    },
    async checkForUpdates() {
      updater.checks++;
      onCheck(updater);
      return null;
    },
    quitAndInstall(...args: unknown[]) {
      updater.installs.push(args);
    },
  });
  return updater;
}
type FakeUpdater = ReturnType<typeof fakeUpdater>;
const asUpdater = (u: FakeUpdater) => u as unknown as Updater;

const SERVER = 'https://bureau.exemple.fr';

describe('updates', () => {
  it('never installs on quit, never downgrades, never takes a pre-release', () => {
    const updater = fakeUpdater();
    updateHandlers({ updater: asUpdater(updater), isPackaged: true, currentVersion: '0.1.0' });
    expect(updater).toMatchObject({
      autoDownload: true,
      autoInstallOnAppQuit: false,
      allowDowngrade: false,
      allowPrerelease: false,
    });
  });

  it('feeds electron-updater from the office server (generic provider)', async () => {
    const updater = fakeUpdater((u) => u.emit('update-not-available'));
    const updates = updateHandlers({
      updater: asUpdater(updater),
      isPackaged: true,
      currentVersion: '0.1.0',
    });
    expect(await updates.checkForUpdates({ serverUrl: `${SERVER}/` })).toEqual({
      ok: true,
      value: { status: 'none', version: null, message: null },
    });
    expect(updater.feeds).toEqual([{ provider: 'generic', url: `${SERVER}/updates/` }]);
    await updates.checkForUpdates({ serverUrl: SERVER });
    // Same feed: set once.
    expect(updater.feeds).toHaveLength(1);
  });

  it('refuses a plain-http feed, and does nothing in development', async () => {
    const updater = fakeUpdater();
    const updates = updateHandlers({
      updater: asUpdater(updater),
      isPackaged: true,
      currentVersion: '0.1.0',
    });
    expect(await updates.checkForUpdates({ serverUrl: 'http://10.0.0.5:8787' })).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    const dev = updateHandlers({
      updater: asUpdater(updater),
      isPackaged: false,
      currentVersion: '0.1.0',
    });
    expect(await dev.checkForUpdates({ serverUrl: SERVER })).toMatchObject({
      ok: false,
      error: { code: 'unavailable' },
    });
    expect(updater.checks).toBe(0);
  });

  it('installs a downloaded update only when asked and no visit is under way', async () => {
    const updater = fakeUpdater((u) => {
      u.emit('update-available', { version: '0.2.0' });
      u.emit('update-downloaded', { version: '0.2.0' });
    });
    const updates = updateHandlers({
      updater: asUpdater(updater),
      isPackaged: true,
      currentVersion: '0.1.0',
    });
    expect(await updates.installUpdate({ visitInProgress: false })).toMatchObject({
      ok: false,
      error: { code: 'not-found' },
    });
    expect(await updates.checkForUpdates({ serverUrl: SERVER })).toEqual({
      ok: true,
      value: { status: 'ready', version: '0.2.0', message: null },
    });
    const refused = await updates.installUpdate({ visitInProgress: true });
    expect(refused).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(!refused.ok && refused.error.message).toMatch(/intervention est en cours/);
    expect(updater.installs).toEqual([]);
    expect(await updates.installUpdate({ visitInProgress: false })).toEqual({
      ok: true,
      value: { installing: true },
    });
    expect(updater.installs).toEqual([[false, true]]);
  });

  it('ignores an offered version that is not newer', async () => {
    const updater = fakeUpdater((u) => u.emit('update-downloaded', { version: '0.1.0' }));
    const updates = updateHandlers({
      updater: asUpdater(updater),
      isPackaged: true,
      currentVersion: '0.1.0',
    });
    expect(await updates.checkForUpdates({ serverUrl: SERVER })).toMatchObject({
      value: { status: 'none' },
    });
    expect(await updates.installUpdate({ visitInProgress: false })).toMatchObject({ ok: false });
  });

  it('reports a failed check in the answer', async () => {
    const updater = fakeUpdater((u) =>
      u.emit('error', new Error('net::ERR_CERT_AUTHORITY_INVALID')),
    );
    const updates = updateHandlers({
      updater: asUpdater(updater),
      isPackaged: true,
      currentVersion: '0.1.0',
    });
    expect(await updates.checkForUpdates({ serverUrl: SERVER })).toEqual({
      ok: true,
      value: { status: 'error', version: null, message: 'net::ERR_CERT_AUTHORITY_INVALID' },
    });
  });
});
