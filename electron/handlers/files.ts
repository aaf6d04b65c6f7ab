import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { Dialog, Shell, BrowserWindow } from 'electron';
import type { IpcHandlers } from '../ipc-main';
import { writeFileAtomic } from '../atomic-write';

type Deps = {
  dialog: Pick<Dialog, 'showSaveDialog'>;
  shell: Pick<Shell, 'openPath'>;
  documentsDir: string;
  window: () => BrowserWindow | null;
};

export function fileHandlers(deps: Deps): Pick<IpcHandlers, 'savePdf' | 'openPath'> {
  return {
    async savePdf({ suggestedName, bytes }) {
      const options = {
        title: 'Enregistrer le bordereau',
        defaultPath: join(deps.documentsDir, suggestedName),
        filters: [{ name: 'Document PDF', extensions: ['pdf'] }],
      };
      const win = deps.window();
      const result = win
        ? await deps.dialog.showSaveDialog(win, options)
        : await deps.dialog.showSaveDialog(options);
      if (result.canceled || !result.filePath) return { ok: true, value: null };
      const path = result.filePath.toLowerCase().endsWith('.pdf')
        ? result.filePath
        : `${result.filePath}.pdf`;
      await writeFileAtomic(path, bytes);
      return { ok: true, value: { path } };
    },

    /** Opens a saved PDF in the system viewer; nothing but existing .pdf files. */
    async openPath({ path }) {
      if (!path.toLowerCase().endsWith('.pdf')) {
        return {
          ok: false,
          error: { code: 'forbidden', message: 'Seuls les documents PDF peuvent être ouverts.' },
        };
      }
      const info = await stat(path).catch(() => null);
      if (!info?.isFile()) {
        return {
          ok: false,
          error: {
            code: 'not-found',
            message: `Le fichier ${path} est introuvable : a-t-il été déplacé ?`,
          },
        };
      }
      const failure = await deps.shell.openPath(path);
      if (failure)
        return {
          ok: false,
          error: { code: 'io', message: `Impossible d’ouvrir le fichier : ${failure}` },
        };
      return { ok: true, value: { opened: true } };
    },
  };
}
