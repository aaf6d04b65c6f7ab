import Dexie, { type Table } from 'dexie';
import type { DesktopApi, IpcError, IpcResult } from '../../shared/ipc';
import { ipcSchemas } from '../../shared/ipc';

const ok = <T>(value: T): IpcResult<T> => ({ ok: true, value });
const fail = (code: IpcError['code'], message: string): IpcResult<never> => ({
  ok: false,
  error: { code, message },
});

/**
 * Browsers have no safeStorage: the token lives in its own IndexedDB database, readable by
 * anyone with access to this browser profile (documented in README, "Configuration").
 */
class SecretsDb extends Dexie {
  secrets!: Table<{ key: string; value: string }, string>;
  constructor() {
    super('bordereau-secrets');
    this.version(1).stores({ secrets: 'key' });
  }
}
let secretsDb: SecretsDb | null = null;
const secrets = () => (secretsDb ??= new SecretsDb()).secrets;

/**
 * IndexedDB can fail (disabled in private browsing, quota, a blocked upgrade): the failure is
 * answered as a result, like the desktop side does, never thrown at the caller.
 */
async function fromStorage<T>(run: () => Promise<T>): Promise<IpcResult<T>> {
  try {
    return ok(await run());
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return fail('io', `Stockage du navigateur indisponible : ${message}`);
  }
}

function validated<T>(schema: { safeParse(v: unknown): { success: boolean } }, value: T): boolean {
  return schema.safeParse(value).success;
}

/** Browser fallbacks for every desktop call (same contract, same validation). */
export const webDesktop: DesktopApi = {
  async appInfo() {
    return ok({
      version: import.meta.env.VITE_APP_VERSION ?? '0.0.0',
      platform: 'web' as const,
      dataPath: null,
    });
  },

  async savePdf(request) {
    if (!validated(ipcSchemas.savePdf.request, request))
      return fail('invalid-payload', 'Fichier PDF invalide.');
    const blob = new Blob([request.bytes.slice()], { type: 'application/pdf' });
    const url = URL.createObjectURL(blob);
    const link = document.createElement('a');
    link.href = url;
    link.download = request.suggestedName;
    document.body.append(link);
    link.click();
    link.remove();
    // Revoke later: some browsers start the download asynchronously.
    setTimeout(() => URL.revokeObjectURL(url), 60_000);
    return ok({ path: request.suggestedName });
  },

  /**
   * A new tab with the browser's PDF viewer, whose print button (or Ctrl+P) prints the PDF
   * as it is. The app's CSP forbids frames (frame-src 'none'), so it cannot be printed from
   * a hidden frame of this page.
   */
  async printPdf(request) {
    const parsed = ipcSchemas.printPdf.request.safeParse(request);
    if (!parsed.success)
      return fail(
        'invalid-payload',
        `Document à imprimer invalide : ${parsed.error.issues[0]?.message ?? ''}`,
      );
    const url = URL.createObjectURL(new Blob([request.bytes.slice()], { type: 'application/pdf' }));
    const tab = window.open(url, '_blank');
    // The tab keeps the document; the URL is released once it had time to load.
    setTimeout(() => URL.revokeObjectURL(url), 60_000);
    if (!tab)
      return fail(
        'unavailable',
        'Ouverture bloquée par le navigateur : autorisez les fenêtres pour ce site.',
      );
    return ok({ shownIn: 'tab' as const });
  },

  async openPath() {
    return fail(
      'unavailable',
      'Ouvrir un fichier du disque n’est possible que dans l’application de bureau.',
    );
  },

  async getSecret(request) {
    if (!validated(ipcSchemas.getSecret.request, request))
      return fail('invalid-payload', 'Clé invalide.');
    return fromStorage(async () => (await secrets().get(request.key))?.value ?? null);
  },

  async setSecret(request) {
    if (!validated(ipcSchemas.setSecret.request, request))
      return fail('invalid-payload', 'Secret invalide.');
    return fromStorage(async () => {
      await secrets().put({ key: request.key, value: request.value });
      return { stored: true as const, encrypted: false };
    });
  },

  async deleteSecret(request) {
    if (!validated(ipcSchemas.deleteSecret.request, request))
      return fail('invalid-payload', 'Clé invalide.');
    return fromStorage(async () => {
      const existed = (await secrets().get(request.key)) !== undefined;
      await secrets().delete(request.key);
      return { deleted: existed };
    });
  },

  async secretStatus(request) {
    if (!validated(ipcSchemas.secretStatus.request, request))
      return fail('invalid-payload', 'Clé invalide.');
    // A browser has no keychain: a stored secret is always in clear.
    return fromStorage(async () => {
      const stored = (await secrets().get(request.key)) !== undefined;
      return { stored, encrypted: stored ? false : null };
    });
  },

  async writeBackup() {
    return fail(
      'unavailable',
      'Les sauvegardes automatiques sur disque sont propres à l’application de bureau.',
    );
  },

  async listBackups() {
    return ok([]);
  },

  async readBackup() {
    return fail('not-found', 'Aucune sauvegarde sur disque dans le navigateur.');
  },

  async missingBackupFiles() {
    return fail(
      'unavailable',
      'Les sauvegardes automatiques sur disque sont propres à l’application de bureau.',
    );
  },

  async writeBackupFile() {
    return fail(
      'unavailable',
      'Les sauvegardes automatiques sur disque sont propres à l’application de bureau.',
    );
  },

  async readBackupFile() {
    return fail('not-found', 'Aucune sauvegarde sur disque dans le navigateur.');
  },

  async listVersionSnapshots() {
    return ok({ folder: '', snapshots: [] });
  },

  async checkForUpdates() {
    return fail('unavailable', 'Les mises à jour ne concernent que l’application installée.');
  },

  async installUpdate() {
    return fail('unavailable', 'Les mises à jour ne concernent que l’application installée.');
  },
};
