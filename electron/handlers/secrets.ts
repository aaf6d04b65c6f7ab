import { readFile } from 'node:fs/promises';
import type { SafeStorage } from 'electron';
import { z } from 'zod';
import { SECRET_KEYS, type SecretKey } from '../../shared/ipc';
import type { IpcHandlers } from '../ipc-main';
import { writeFileAtomic } from '../atomic-write';

const entrySchema = z.object({ encrypted: z.boolean(), data: z.string() });
/**
 * secrets.json: only the known keys are read back (a damaged or hand-edited file cannot bring
 * in `constructor` or `__proto__`), into a null-prototype object.
 */
const storedSchema = z.partialRecord(z.enum(SECRET_KEYS), entrySchema);
type Stored = Partial<Record<SecretKey, z.infer<typeof entrySchema>>>;

/** Electron 45's asynchronous safeStorage (the synchronous calls are deprecated). */
export type SecretStorage = Pick<
  SafeStorage,
  | 'isAsyncEncryptionAvailable'
  | 'getSelectedStorageBackend'
  | 'encryptStringAsync'
  | 'decryptStringAsync'
>;

/**
 * True when safeStorage really protects secrets with the OS keychain. On Linux, encryption is
 * also "available" with the `basic_text` backend (no keyring found, or
 * `--password-store=basic`), which encrypts with a password hard-coded in Chromium: that is
 * no protection, so it counts as unencrypted (Electron's safeStorage docs).
 * `getSelectedStorageBackend()` exists on Linux only and is read after `ready`, as the
 * handlers are.
 */
export async function isOsEncryptionAvailable(
  safeStorage: SecretStorage,
  platform: NodeJS.Platform = process.platform,
): Promise<boolean> {
  if (!(await safeStorage.isAsyncEncryptionAvailable())) return false;
  return platform !== 'linux' || safeStorage.getSelectedStorageBackend() !== 'basic_text';
}

/**
 * Secrets (the sync token, the only key the contract allows) encrypted with the OS keychain
 * through safeStorage. Where the OS offers none (a Linux session without a keyring, or only
 * Chromium's hard-coded `basic_text` password), the value is kept and reported as unencrypted
 * so the settings screen can say so.
 */
export function secretHandlers(deps: {
  safeStorage: SecretStorage;
  file: string;
  /** Injected by tests; process.platform otherwise. */
  platform?: NodeJS.Platform;
}): Pick<IpcHandlers, 'getSecret' | 'setSecret' | 'deleteSecret' | 'secretStatus'> {
  const load = async (): Promise<Stored> => {
    let raw: unknown;
    try {
      raw = JSON.parse(await readFile(deps.file, 'utf8'));
    } catch {
      return Object.create(null) as Stored;
    }
    const parsed = storedSchema.safeParse(raw);
    return Object.assign(Object.create(null) as Stored, parsed.success ? parsed.data : {});
  };
  const save = (stored: Stored) => writeFileAtomic(deps.file, JSON.stringify(stored));

  const encode = async (value: string) => {
    // With `basic_text` the value is stored like any unencrypted one: the flag on disk and
    // the answer to the renderer say the same thing.
    const encrypted = await isOsEncryptionAvailable(deps.safeStorage, deps.platform);
    const data = encrypted
      ? await deps.safeStorage.encryptStringAsync(value)
      : Buffer.from(value, 'utf8');
    return { encrypted, data: data.toString('base64') };
  };

  return {
    async getSecret({ key }) {
      const stored = await load();
      const entry = stored[key];
      if (!entry) return { ok: true, value: null };
      if (!entry.encrypted)
        return { ok: true, value: Buffer.from(entry.data, 'base64').toString('utf8') };
      // Decrypting needs only a working safeStorage, whatever its backend: a value written
      // with `basic_text` by an earlier version must still be readable.
      if (!(await deps.safeStorage.isAsyncEncryptionAvailable())) {
        return {
          ok: false,
          error: {
            code: 'unavailable',
            message: 'Le trousseau du système est verrouillé ou indisponible.',
          },
        };
      }
      const { result, shouldReEncrypt } = await deps.safeStorage.decryptStringAsync(
        Buffer.from(entry.data, 'base64'),
      );
      if (shouldReEncrypt) {
        // The key was rotated: written again with the current one, so it stays readable.
        stored[key] = await encode(result);
        await save(stored);
      }
      return { ok: true, value: result };
    },
    async setSecret({ key, value }) {
      const stored = await load();
      const entry = await encode(value);
      stored[key] = entry;
      await save(stored);
      return { ok: true, value: { stored: true, encrypted: entry.encrypted } };
    },
    async deleteSecret({ key }) {
      const stored = await load();
      const existed = stored[key] !== undefined;
      delete stored[key];
      if (existed) await save(stored);
      return { ok: true, value: { deleted: existed } };
    },
    /** Whether the stored token is protected: the settings screen warns when it is not. */
    async secretStatus({ key }) {
      const entry = (await load())[key];
      return {
        ok: true,
        value: { stored: entry !== undefined, encrypted: entry ? entry.encrypted : null },
      };
    },
  };
}
