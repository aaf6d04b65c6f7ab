import { stat } from 'node:fs/promises';
import { basename, isAbsolute, join, resolve } from 'node:path';
import type { Dialog, Shell, BrowserWindow, SaveDialogOptions } from 'electron';
import type { IpcHandlers } from '../ipc-main';
import { FileInUseError, writeFileAtomic } from '../atomic-write';

type Deps = {
  dialog: Pick<Dialog, 'showSaveDialog'>;
  shell: Pick<Shell, 'openPath'>;
  documentsDir: string;
  window: () => BrowserWindow | null;
  /** Injected by tests; the atomic write otherwise. */
  write?: (path: string, bytes: Uint8Array) => Promise<void>;
};

const hasPdfExtension = (path: string) => path.toLowerCase().endsWith('.pdf');

const exists = (path: string) =>
  stat(path).then(
    () => true,
    () => false,
  );

/**
 * A UNC or device path (`\\server\share\x.pdf`, `//server/share/x.pdf`, `\\?\…`, `\\.\…`):
 * opening one reaches out to another machine (and leaks NTLM credentials on Windows), so it
 * is refused on every platform.
 */
export function isUncPath(path: string): boolean {
  return /^[\\/]{2}/.test(path);
}

export function fileHandlers(deps: Deps): Pick<IpcHandlers, 'savePdf' | 'openPath'> {
  /**
   * The PDFs savePdf wrote during this run: the only files openPath will open. The renderer
   * asks to open a PDF right after saving it; any other path it sends is refused, so a
   * compromised page cannot make the shell open arbitrary files.
   */
  const savedPaths = new Set<string>();

  const showSaveDialog = async (options: SaveDialogOptions) => {
    const win = deps.window();
    const result = win
      ? await deps.dialog.showSaveDialog(win, options)
      : await deps.dialog.showSaveDialog(options);
    return result.canceled || !result.filePath ? null : result.filePath;
  };

  return {
    async savePdf({ suggestedName, bytes }) {
      const options: SaveDialogOptions = {
        title: 'Enregistrer le bordereau',
        defaultPath: join(deps.documentsDir, suggestedName),
        filters: [{ name: 'Document PDF', extensions: ['pdf'] }],
      };
      let chosen = await showSaveDialog(options);
      if (chosen === null) return { ok: true, value: null };
      // Some dialogs (GTK) return the name as typed. The OS asked about overwriting "X", not
      // "X.pdf": if "X.pdf" exists, ask again with that exact name, so any overwrite is one the
      // user confirmed.
      if (!hasPdfExtension(chosen) && (await exists(`${chosen}.pdf`))) {
        chosen = await showSaveDialog({
          ...options,
          title: `${basename(chosen)}.pdf existe déjà : confirmez ou choisissez un autre nom`,
          defaultPath: `${chosen}.pdf`,
        });
        if (chosen === null) return { ok: true, value: null };
        if (!hasPdfExtension(chosen) && (await exists(`${chosen}.pdf`))) {
          return {
            ok: false,
            error: {
              code: 'forbidden',
              message: `Le fichier ${basename(chosen)}.pdf existe déjà et n’a pas été remplacé : choisissez un autre nom, ou tapez le nom avec « .pdf » pour le remplacer.`,
            },
          };
        }
      }
      const path = hasPdfExtension(chosen) ? chosen : `${chosen}.pdf`;
      try {
        await (deps.write ?? writeFileAtomic)(path, bytes);
      } catch (error) {
        // The PDF open in a viewer on Windows: the user closes it and saves again.
        if (error instanceof FileInUseError)
          return { ok: false, error: { code: 'io', message: error.message } };
        throw error;
      }
      savedPaths.add(resolve(path));
      return { ok: true, value: { path } };
    },

    /** Opens, in the system viewer, a PDF saved by savePdf during this run; nothing else. */
    async openPath({ path }) {
      if (isUncPath(path) || !isAbsolute(path)) {
        return {
          ok: false,
          error: {
            code: 'forbidden',
            message: 'Chemin refusé : seuls les fichiers de cet ordinateur peuvent être ouverts.',
          },
        };
      }
      if (!hasPdfExtension(path)) {
        return {
          ok: false,
          error: { code: 'forbidden', message: 'Seuls les documents PDF peuvent être ouverts.' },
        };
      }
      const resolved = resolve(path);
      if (!savedPaths.has(resolved)) {
        return {
          ok: false,
          error: {
            code: 'forbidden',
            message:
              'Seuls les PDF enregistrés depuis l’application (depuis son dernier démarrage) peuvent être ouverts.',
          },
        };
      }
      const info = await stat(resolved).catch(() => null);
      if (!info?.isFile()) {
        return {
          ok: false,
          error: {
            code: 'not-found',
            message: `Le fichier ${path} est introuvable : a-t-il été déplacé ?`,
          },
        };
      }
      const failure = await deps.shell.openPath(resolved);
      if (failure)
        return {
          ok: false,
          error: { code: 'io', message: `Impossible d’ouvrir le fichier : ${failure}` },
        };
      return { ok: true, value: { opened: true } };
    },
  };
}
