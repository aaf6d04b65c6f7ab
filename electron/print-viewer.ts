import { pathToFileURL } from 'node:url';
import type { BrowserWindow, BrowserWindowConstructorOptions } from 'electron';
import { hardenedWebPreferences } from './window-options';

/**
 * How the client's copy is printed on desktop: the PDF, written to a file, is shown in a
 * window of its own through Chromium's built-in PDF viewer, and the technician presses its
 * print button (or Ctrl+P / Cmd+P), which opens the system's print dialog (printer, copies,
 * duplex) on Windows, macOS and Linux alike.
 *
 * Why not `webContents.print()` of a hidden window showing the PDF: the viewer is a plugin
 * living in its own webContents, and printing it from main has been broken in turn in every
 * way — blank pages (electron/electron#30947, fixed for some cases in #43309), the callback
 * never called and the dialog sometimes not shown (#47272, only "partially" fixed in #47377),
 * `did-finish-load` firing before the plugin has drawn the document (#10512), and silent
 * printing of PDFs refused outright (#27383). The viewer's own print button goes through
 * Chromium's tested path (re-enabled by #22760, window.print of the plugin fixed by #28328).
 * Printing the page instead of the PDF would print something other than the sealed document
 * the client signed. The system's PDF application (shell.openPath) was the previous way: it
 * needs a PDF reader installed and a save dialog first.
 *
 * The window is served from file:// with no preload: its page cannot reach the IPC contract
 * (not a trusted origin), and the navigation rules of every webContents (security.ts) send a
 * link clicked in the PDF to the system browser.
 */
export function printViewerOptions(
  title: string,
  options: { isPackaged: boolean; parent?: BrowserWindow | null },
): BrowserWindowConstructorOptions {
  return {
    title: `Imprimer — ${title}`,
    width: 900,
    height: 1000,
    minWidth: 500,
    minHeight: 400,
    show: false,
    autoHideMenuBar: true,
    ...(options.parent ? { parent: options.parent } : {}),
    webPreferences: {
      ...hardenedWebPreferences(options),
      // Chromium's PDF viewer is a plugin: without this the file is offered as a download.
      plugins: true,
      spellcheck: false,
    },
  };
}

export type ViewerWindow = Pick<
  BrowserWindow,
  'once' | 'on' | 'show' | 'focus' | 'loadURL' | 'destroy'
>;
export type ViewerWindowClass = new (options: BrowserWindowConstructorOptions) => ViewerWindow;

/**
 * Opens the viewer on `file` and resolves once it shows the document; `closed` settles when
 * the user closes it (the file can then be deleted).
 */
export async function openPrintViewer(
  deps: { BrowserWindow: ViewerWindowClass; parent: BrowserWindow | null; isPackaged: boolean },
  file: string,
  title: string,
): Promise<{ closed: Promise<void> }> {
  const win = new deps.BrowserWindow(
    printViewerOptions(title, { isPackaged: deps.isPackaged, parent: deps.parent }),
  );
  const closed = new Promise<void>((resolve) => win.once('closed', () => resolve()));
  // The window keeps our title ("Imprimer — BI-…"), not the file's name the viewer sets.
  win.on('page-title-updated', (event) => event.preventDefault());
  try {
    await win.loadURL(pathToFileURL(file).href);
  } catch (error) {
    win.destroy();
    throw error;
  }
  win.show();
  win.focus();
  return { closed };
}
