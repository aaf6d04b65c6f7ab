/**
 * Asks the browser to keep the local database even under storage pressure. Browsers may
 * refuse (or not ask the user); the settings screen shows the outcome.
 */
export async function requestPersistentStorage(
  storage: StorageManager | undefined = globalThis.navigator?.storage,
): Promise<boolean> {
  if (!storage?.persist) return false;
  try {
    if (await storage.persisted()) return true;
    return await storage.persist();
  } catch {
    return false;
  }
}
