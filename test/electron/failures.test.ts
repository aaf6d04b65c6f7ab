import { describe, expect, it } from 'vitest';
import type { Dialog } from 'electron';
import {
  failStartup,
  onPreloadError,
  onRenderProcessGone,
  type FailureDeps,
} from '../../electron/failures';

function deps(response = 0) {
  const shown: string[] = [];
  const exits: number[] = [];
  let quits = 0;
  const dialog = {
    showErrorBox: (title: string, content: string) => shown.push(`${title} | ${content}`),
    showMessageBox: async (options: { message: string }) => {
      shown.push(options.message);
      return { response, checkboxChecked: false };
    },
  } as unknown as FailureDeps['dialog'] & Pick<Dialog, 'showMessageBox'>;
  return {
    deps: { dialog, exit: (code: number) => exits.push(code), quit: () => void quits++ },
    shown,
    exits,
    quits: () => quits,
  };
}

const window = () => {
  let reloads = 0;
  return {
    win: { isDestroyed: () => false, webContents: { reload: () => void reloads++ } },
    reloads: () => reloads,
  };
};

describe('failures', () => {
  it('a failed start-up shows a French dialog and exits with an error code', () => {
    const { deps: d, shown, exits } = deps();
    failStartup(d, new Error('EACCES: permission denied'));
    expect(shown).toEqual([expect.stringMatching(/^Bordereau n’a pas pu démarrer \| EACCES/)]);
    expect(exits).toEqual([1]);
  });

  it('a preload error is fatal: dialog, then exit', () => {
    const { deps: d, shown, exits } = deps();
    onPreloadError(d, '/app/preload.cjs', new Error('Unable to load preload script'));
    expect(shown[0]).toMatch(/endommagé.*Unable to load preload script.*Réinstallez/);
    expect(exits).toEqual([1]);
  });

  it('a crashed renderer offers a reload', async () => {
    const { deps: d, shown } = deps(0);
    const w = window();
    expect(await onRenderProcessGone(d, w.win, { reason: 'crashed', exitCode: 139 })).toBe(
      'reloaded',
    );
    expect(shown[0]).toMatch(/s’est interrompu : il s’est arrêté de façon inattendue/);
    expect(w.reloads()).toBe(1);
  });

  it('or quits when the user chooses to', async () => {
    const { deps: d, quits } = deps(1);
    const w = window();
    expect(await onRenderProcessGone(d, w.win, { reason: 'oom', exitCode: 0 })).toBe('quit');
    expect(w.reloads()).toBe(0);
    expect(quits()).toBe(1);
  });

  it('a clean exit is not a failure', async () => {
    const { deps: d, shown } = deps();
    expect(await onRenderProcessGone(d, window().win, { reason: 'clean-exit', exitCode: 0 })).toBe(
      'ignored',
    );
    expect(shown).toEqual([]);
  });
});
