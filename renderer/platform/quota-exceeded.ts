/**
 * Whether an error is the browser's "disk full": IndexedDB reports it as QuotaExceededError,
 * which Dexie may wrap (`inner`) and a use case may wrap again (`cause`).
 */
export function isQuotaExceeded(error: unknown): boolean {
  let current: unknown = error;
  for (let depth = 0; depth < 5 && typeof current === 'object' && current !== null; depth++) {
    if ((current as { name?: unknown }).name === 'QuotaExceededError') return true;
    current =
      (current as { inner?: unknown; cause?: unknown }).inner ??
      (current as { cause?: unknown }).cause;
  }
  return false;
}
