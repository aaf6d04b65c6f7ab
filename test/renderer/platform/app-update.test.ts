import { beforeEach, describe, expect, it, vi } from 'vitest';
import type * as AppUpdate from '../../../renderer/platform/app-update';

let update: typeof AppUpdate;

beforeEach(async () => {
  vi.resetModules();
  update = await import('../../../renderer/platform/app-update');
});

describe('the waiting new version', () => {
  it('is offered to every listener, and installed only when asked', async () => {
    const heard: boolean[] = [];
    const stop = update.subscribeAppUpdate(() => heard.push(update.appUpdateReady()));
    expect(update.appUpdateReady()).toBe(false);
    const install = vi.fn(async () => undefined);
    update.offerAppUpdate(install);
    expect(heard).toEqual([true]);
    expect(install).not.toHaveBeenCalled();
    await update.installAppUpdate();
    expect(install).toHaveBeenCalledTimes(1);
    stop();
    update.offerAppUpdate(install);
    expect(heard).toEqual([true]);
  });

  it('says so in French when there is nothing to install', async () => {
    await expect(update.installAppUpdate()).rejects.toThrow('Aucune nouvelle version n’est prête.');
  });
});
