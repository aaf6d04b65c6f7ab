import { uuidv7 } from 'uuidv7';
import { z } from 'zod';
import { ENTITY_NAMES } from '../../shared/sync/mutation';
import { accountSchema } from '../../shared/sync/protocol';
import type { Account } from '../../shared/sync/protocol';
import type { BordereauDb } from '../db/database';
import { DEVICE_ID_KEY } from '../db/database';
import { countOutbox } from '../db/outbox';
import { desktop } from '../platform/desktop';
import { SyncApi } from './api-client';
import { isLocalOnly, REFUSAL_PREFIX } from './refusal-marks';
import { SyncError } from './sync-error';
import type { Transport } from './transport';
import { tableNameOf } from './wire-record';

/** settings key: which server and which account this laptop syncs with (no secret in it). */
export const SESSION_SETTING_KEY = 'sync.session';
/** Secret key of the bearer token (safeStorage in Electron, IndexedDB in a plain browser). */
export const TOKEN_SECRET_KEY = 'sync.token';

const LOOPBACK = /^http:\/\/(127\.0\.0\.1|localhost|\[::1\])(:\d+)?(\/|$)/;

export const serverUrlSchema = z
  .string()
  .trim()
  .min(1, 'Indiquez l’adresse du serveur du bureau.')
  .pipe(
    z.url({
      protocol: /^https?$/,
      error: 'Adresse invalide : elle commence par http:// ou https://.',
    }),
  )
  // The app's security policy lets it reach an office server over https only, or over plain
  // http on this very computer (electron/csp.ts): say so rather than fail as "unreachable".
  .refine(
    (url) => url.startsWith('https://') || LOOPBACK.test(url),
    'Le serveur du bureau doit être en https:// (http:// seulement pour un serveur sur cet ordinateur).',
  )
  .transform((url) => url.replace(/\/+$/, ''));

export const loginFormSchema = z.object({
  serverUrl: serverUrlSchema,
  email: z.string().trim().max(254).pipe(z.email('Adresse e-mail invalide.')),
  password: z.string().min(1, 'Indiquez le mot de passe.').max(1024),
});
export type LoginForm = z.input<typeof loginFormSchema>;

const storedSessionSchema = z.object({
  serverUrl: z.string(),
  account: accountSchema.nullable(),
  expiresAt: z.number().int().nullable(),
});
export type StoredSession = z.infer<typeof storedSessionSchema>;

export interface ActiveSession {
  readonly serverUrl: string;
  readonly account: Account;
  readonly token: string;
}

export async function readStoredSession(db: BordereauDb): Promise<StoredSession | null> {
  const row = await db.settings.get(SESSION_SETTING_KEY);
  const parsed = storedSessionSchema.safeParse(row?.value);
  return parsed.success ? parsed.data : null;
}

/** The session the engine syncs with, or null when not logged in. */
export async function loadSession(db: BordereauDb): Promise<ActiveSession | null> {
  const stored = await readStoredSession(db);
  if (!stored?.account) return null;
  const secret = await desktop.getSecret({ key: TOKEN_SECRET_KEY });
  if (!secret.ok || !secret.value) return null;
  return { serverUrl: stored.serverUrl, account: stored.account, token: secret.value };
}

/**
 * Logs in and keeps the token in the shell's secure storage. A laptop that changes account
 * starts afresh (new device id, empty local copy), but never while changes of the previous
 * account are still unsent.
 */
export async function login(
  db: BordereauDb,
  form: LoginForm,
  transport: Transport,
): Promise<ActiveSession> {
  const input = loginFormSchema.parse(form);
  const response = await new SyncApi(input.serverUrl, transport).login(input.email, input.password);
  const previous = await readStoredSession(db);
  const switching =
    previous?.account &&
    (previous.account.id !== response.account.id || previous.serverUrl !== input.serverUrl);
  if (switching) {
    const unsent = await countOutbox(db);
    if (unsent > 0) {
      throw new SyncError(
        'forbidden',
        `${unsent} modification(s) de ${previous.account!.name} ne sont pas encore envoyées : reconnectez-vous avec ce compte et synchronisez avant de changer de compte.`,
      );
    }
    await forgetLocalCopy(db);
  }
  const stored = await desktop.setSecret({ key: TOKEN_SECRET_KEY, value: response.token });
  if (!stored.ok) throw new SyncError('forbidden', stored.error.message);
  await db.settings.put({
    key: SESSION_SETTING_KEY,
    value: {
      serverUrl: input.serverUrl,
      account: response.account,
      expiresAt: response.expiresAt,
    } satisfies StoredSession,
  });
  return { serverUrl: input.serverUrl, account: response.account, token: response.token };
}

/** Logs out (the server revokes the token when reachable); the local data stays. */
export async function logout(db: BordereauDb, transport: Transport): Promise<void> {
  const session = await loadSession(db);
  if (session) {
    try {
      await new SyncApi(session.serverUrl, transport).withToken(session.token).logout();
    } catch {
      // Offline: the token is forgotten here anyway and expires on the server.
    }
  }
  await desktop.deleteSecret({ key: TOKEN_SECRET_KEY });
  const stored = await readStoredSession(db);
  if (stored)
    await db.settings.put({
      key: SESSION_SETTING_KEY,
      value: { ...stored, account: null, expiresAt: null } satisfies StoredSession,
    });
}

/**
 * Forgets the previous account's copy of the server's data. What this laptop made and the
 * server never accepted (refused records, with their marks) stays: logging in never wipes
 * a user's own work (refusal-marks.ts).
 */
async function forgetLocalCopy(db: BordereauDb): Promise<void> {
  const tables = [...new Set(ENTITY_NAMES.map(tableNameOf))].map((name) => db.table(name));
  await db.transaction('rw', [db.syncState, db.settings, db.outbox, ...tables], async () => {
    for (const table of tables)
      await table.filter((row: Record<string, unknown>) => !isLocalOnly(row)).delete();
    await db.syncState.filter((row) => !row.key.startsWith(REFUSAL_PREFIX)).delete();
    await db.settings.put({ key: DEVICE_ID_KEY, value: uuidv7() });
  });
}
