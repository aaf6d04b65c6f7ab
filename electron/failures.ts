import type { BrowserWindow, Dialog, RenderProcessGoneDetails, WebContents } from 'electron';

/**
 * How the shell fails: loudly, in French, and never into a windowless process that keeps the
 * single-instance lock (a second launch would then do nothing at all).
 */
export type FailureDeps = {
  dialog: Pick<Dialog, 'showErrorBox' | 'showMessageBox'>;
  /** app.exit: quits at once, without waiting for windows (none may exist). */
  exit: (code: number) => void;
  log?: (message: string, error?: unknown) => void;
};

const describe = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** A failed start-up (whenReady chain, version guard, IPC registration): dialog, then exit. */
export function failStartup(deps: FailureDeps, error: unknown): void {
  deps.log?.('Démarrage impossible', error);
  deps.dialog.showErrorBox(
    'Bordereau n’a pas pu démarrer',
    `${describe(error)}\n\nVos données n’ont pas été modifiées. Si le problème persiste, contactez le bureau.`,
  );
  deps.exit(1);
}

/** A refusal decided before any window (a downgrade): the message, then exit. */
export function refuseStartup(deps: FailureDeps, title: string, message: string): void {
  deps.dialog.showErrorBox(title, message);
  deps.exit(1);
}

/**
 * The preload failed: the page would load anyway and, without the desktop API, behave like
 * the browser build (token in clear in IndexedDB, no backups on disk). The renderer shows its
 * own fatal screen under app://; main says why and quits, in every build.
 */
export function onPreloadError(deps: FailureDeps, preloadPath: string, error: unknown): void {
  deps.log?.(`Préchargement en échec : ${preloadPath}`, error);
  deps.dialog.showErrorBox(
    'Bordereau est endommagé',
    `Un composant de l’application n’a pas pu se charger (${describe(error)}). ` +
      'Réinstallez Bordereau ; vos données locales sont conservées.',
  );
  deps.exit(1);
}

/**
 * The renderer crashed or was killed: the window is blank and dead. The user chooses between
 * reloading (the data is in IndexedDB, written before each acknowledgement) and quitting.
 * A clean exit (the window closing) is not a failure.
 */
export async function onRenderProcessGone(
  deps: FailureDeps & { quit: () => void },
  win: Pick<BrowserWindow, 'isDestroyed'> & { webContents: Pick<WebContents, 'reload'> },
  details: Pick<RenderProcessGoneDetails, 'reason' | 'exitCode'>,
): Promise<'ignored' | 'reloaded' | 'quit'> {
  if (details.reason === 'clean-exit') return 'ignored';
  deps.log?.(`Processus de la fenêtre arrêté : ${details.reason} (${details.exitCode})`);
  const why =
    details.reason === 'oom'
      ? 'la mémoire est épuisée'
      : details.reason === 'killed'
        ? 'il a été arrêté par le système'
        : 'il s’est arrêté de façon inattendue';
  const { response } = await deps.dialog.showMessageBox({
    type: 'error',
    title: 'Bordereau',
    message: `L’affichage de Bordereau s’est interrompu : ${why}.`,
    detail: 'Les données enregistrées sont intactes. Rechargez pour reprendre là où vous étiez.',
    buttons: ['Recharger', 'Quitter'],
    defaultId: 0,
    cancelId: 1,
  });
  if (response === 0 && !win.isDestroyed()) {
    win.webContents.reload();
    return 'reloaded';
  }
  deps.quit();
  return 'quit';
}
