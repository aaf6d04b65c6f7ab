import { readFile } from 'node:fs/promises';
import type { SafeStorage } from 'electron';
import type { IpcHandlers } from '../ipc-main';
import { writeFileAtomic } from '../atomic-write';

type Stored = Record<string, { encrypted: boolean; data: string }>;

/**
 * Secrets (the sync token) encrypted with the OS keychain through safeStorage. Where the OS
 * offers none (a Linux session without a keyring), the value is kept and reported as
 * unencrypted so the settings screen can say so.
 */
export function secretHandlers(deps: {
  safeStorage: Pick<SafeStorage, 'isEncryptionAvailable' | 'encryptString' | 'decryptString'>;
  file: string;
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
      const encrypted = deps.safeStorage.isEncryptionAvailable();
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
