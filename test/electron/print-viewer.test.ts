import { EventEmitter } from 'node:events';
import { pathToFileURL } from 'node:url';
import type { BrowserWindowConstructorOptions } from 'electron';
import { describe, expect, it } from 'vitest';
import { openPrintViewer, printViewerOptions } from '../../electron/print-viewer';

class FakeViewer extends EventEmitter {
  static made: FakeViewer[] = [];
  loaded: string | null = null;
  shown = false;
  destroyed = false;
  constructor(public options: BrowserWindowConstructorOptions) {
    super();
    FakeViewer.made.push(this);
  }
  async loadURL(url: string) {
    if (FakeViewer.nextLoadFails) throw new Error('ERR_FILE_NOT_FOUND');
    this.loaded = url;
  }
  static nextLoadFails = false;
  show() {
    this.shown = true;
  }
  focus() {}
  destroy() {
    this.destroyed = true;
    this.emit('closed');
  }
}

// The fake implements what openPrintViewer calls.
const deps = { BrowserWindow: FakeViewer as never, parent: null, isPackaged: true };

describe('print viewer window', () => {
  it('has the PDF plugin and every security default, without preload or DevTools when packaged', () => {
    const options = printViewerOptions('BI-1', { isPackaged: true });
    expect(options.title).toBe('Imprimer — BI-1');
    expect(options.webPreferences).toMatchObject({
      plugins: true,
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      webSecurity: true,
      webviewTag: false,
      devTools: false,
    });
    expect(options.webPreferences?.preload).toBeUndefined();
  });

  it('loads the file, shows the window once loaded, keeps its title, and settles `closed` on close', async () => {
    FakeViewer.made = [];
    const file = '/data/impressions/x/BI-1.pdf';
    const { closed } = await openPrintViewer(deps, file, 'BI-1');
    const win = FakeViewer.made[0]!;
    expect(win.loaded).toBe(pathToFileURL(file).href);
    expect(win.shown).toBe(true);
    let prevented = false;
    win.emit('page-title-updated', { preventDefault: () => (prevented = true) }, 'BI-1.pdf');
    expect(prevented).toBe(true);
    let done = false;
    void closed.then(() => (done = true));
    win.emit('closed');
    await closed;
    expect(done).toBe(true);
  });

  it('destroys the window when the document cannot load, and says why', async () => {
    FakeViewer.made = [];
    FakeViewer.nextLoadFails = true;
    try {
      await expect(openPrintViewer(deps, '/nowhere.pdf', 'BI-1')).rejects.toThrow(
        'ERR_FILE_NOT_FOUND',
      );
    } finally {
      FakeViewer.nextLoadFails = false;
    }
    expect(FakeViewer.made[0]!.destroyed).toBe(true);
    expect(FakeViewer.made[0]!.shown).toBe(false);
  });
});
