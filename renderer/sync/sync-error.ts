import { isQuotaExceeded } from '../platform/quota-exceeded';

export { isQuotaExceeded };
/**
 * Why a sync attempt failed, in a form the scheduler can act on (retry or wait for the user)
 * and the status screen can show as is (French message).
 */
export type SyncErrorKind =
  /** The server could not be reached (offline, DNS, refused, timeout): retried with backoff. */
  | 'offline'
  /** The server answered 5xx / 429: temporary, retried with backoff. */
  | 'server'
  /** The device clock is ahead of the server's: retried, but the user must fix the clock. */
  | 'clock'
  /** Token missing, expired or revoked: the user logs in again; no automatic retry. */
  | 'unauthorized'
  /** The account may not do this (or the device belongs to another account). */
  | 'forbidden'
  /** 426: this app is older than the server; nothing works until it is updated. */
  | 'upgrade'
  /** The server refused the request as malformed or too large: a bug, retried slowly. */
  | 'rejected'
  /** The answer did not match the protocol. */
  | 'protocol'
  /** The local disk (IndexedDB quota) is full: nothing was written, retried after the user frees space. */
  | 'disk_full'
  /** No server configured / not logged in. */
  | 'not_configured';

/** Kinds the scheduler retries on its own (with backoff); the others wait for the user. */
const RETRYABLE: ReadonlySet<SyncErrorKind> = new Set<SyncErrorKind>([
  'offline',
  'server',
  'clock',
  'rejected',
  'protocol',
  'disk_full',
]);

export class SyncError extends Error {
  readonly kind: SyncErrorKind;
  readonly status: number | null;

  constructor(kind: SyncErrorKind, message: string, status: number | null = null) {
    super(message);
    this.name = 'SyncError';
    this.kind = kind;
    this.status = status;
  }

  get retryable(): boolean {
    return RETRYABLE.has(this.kind);
  }
}

export const DISK_FULL_MESSAGE =
  'Disque plein : libérez de l’espace sur cet ordinateur, puis relancez la synchronisation. Rien n’a été perdu : les données reçues seront réappliquées.';

/** Any error as a SyncError (unknown ones are reported as they are, in French). */
export function toSyncError(error: unknown): SyncError {
  if (error instanceof SyncError) return error;
  if (isQuotaExceeded(error)) return new SyncError('disk_full', DISK_FULL_MESSAGE);
  const detail = error instanceof Error ? error.message : String(error);
  return new SyncError('protocol', `Erreur inattendue pendant la synchronisation : ${detail}`);
}
