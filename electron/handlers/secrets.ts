import { readFile } from 'node:fs/promises';
import type { SafeStorage } from 'electron';
import type { IpcHandlers } from '../ipc-main';
import { writeFileAtomic } from '../atomic-write';

type Stored = Record<string, { encrypted: boolean; data: string }>;

export type SecretStorage = Pick<
  SafeStorage,
  'isEncryptionAvailable' | 'getSelectedStorageBackend' | 'encryptString' | 'decryptString'
>;

/**
 * True when safeStorage really protects secrets with the OS keychain. On Linux,
 * `isEncryptionAvailable()` is also true with the `basic_text` backend (no keyring found, or
 * `--password-store=basic`), which encrypts with a password hard-coded in Chromium: that is
 * no protection, so it counts as unencrypted (Electron's safeStorage docs).
 * `getSelectedStorageBackend()` exists on Linux only and is read after `ready`, as the
 * handlers are.
 */
export function isOsEncryptionAvailable(
  safeStorage: SecretStorage,
  platform: NodeJS.Platform = process.platform,
): boolean {
  if (!safeStorage.isEncryptionAvailable()) return false;
  return platform !== 'linux' || safeStorage.getSelectedStorageBackend() !== 'basic_text';
}

/**
 * Secrets (the sync token) encrypted with the OS keychain through safeStorage. Where the OS
 * offers none (a Linux session without a keyring, or only Chromium's hard-coded `basic_text`
 * password), the value is kept and reported as unencrypted so the settings screen can say so.
 */
export function secretHandlers(deps: {
  safeStorage: SecretStorage;
  file: string;
  /** Injected by tests; process.platform otherwise. */
  platform?: NodeJS.Platform;
}): Pick<IpcHandlers, 'getSecret' | 'setSecret' | 'deleteSecret'> {
  const load = async (): Promise<Stored> => {
    try {
      return JSON.parse(await readFile(deps.file, 'utf8')) as Stored;
    } catch {
      return {};
    }
  };
  const save = (stored: Stored) => writeFileAtomic(deps.file, JSON.stringify(stored));

  return {
    async getSecret({ key }) {
      const entry = (await load())[key];
      if (!entry) return { ok: true, value: null };
      if (!entry.encrypted)
        return { ok: true, value: Buffer.from(entry.data, 'base64').toString('utf8') };
      // Decrypting needs only a working safeStorage, whatever its backend: a value written
      // with `basic_text` by an earlier version must still be readable.
      if (!deps.safeStorage.isEncryptionAvailable()) {
        return {
          ok: false,
          error: {
            code: 'unavailable',
            message: 'Le trousseau du système est verrouillé ou indisponible.',
          },
        };
      }
      return { ok: true, value: deps.safeStorage.decryptString(Buffer.from(entry.data, 'base64')) };
    },
    async setSecret({ key, value }) {
      const stored = await load();
      // With `basic_text` the value is stored like any unencrypted one: the flag on disk and
      // the answer to the renderer say the same thing.
      const encrypted = isOsEncryptionAvailable(deps.safeStorage, deps.platform);
      const data = encrypted ? deps.safeStorage.encryptString(value) : Buffer.from(value, 'utf8');
      stored[key] = { encrypted, data: data.toString('base64') };
      await save(stored);
      return { ok: true, value: { stored: true, encrypted } };
    },
    async deleteSecret({ key }) {
      const stored = await load();
      const existed = key in stored;
      delete stored[key];
      if (existed) await save(stored);
      return { ok: true, value: { deleted: existed } };
    },
  };
}
