import { describe, expect, it } from 'vitest';
import { requestPersistentStorage } from '../../../renderer/db/storage';

function fakeStorage(persisted: boolean, grant: boolean | Error) {
  let asked = 0;
  const storage = {
    persisted: async () => persisted,
    persist: async () => {
      asked += 1;
      if (grant instanceof Error) throw grant;
      return grant;
    },
  } as unknown as StorageManager;
  return { storage, asked: () => asked };
}

describe('requestPersistentStorage', () => {
  it('asks once when not yet persistent and reports the answer', async () => {
    const granted = fakeStorage(false, true);
    expect(await requestPersistentStorage(granted.storage)).toBe(true);
    expect(granted.asked()).toBe(1);
    const refused = fakeStorage(false, false);
    expect(await requestPersistentStorage(refused.storage)).toBe(false);
  });

  it('does not ask again when already persistent, and survives a browser without the API', async () => {
    const already = fakeStorage(true, false);
    expect(await requestPersistentStorage(already.storage)).toBe(true);
    expect(already.asked()).toBe(0);
    expect(await requestPersistentStorage(undefined)).toBe(false);
    expect(
      await requestPersistentStorage(fakeStorage(false, new Error('SecurityError')).storage),
    ).toBe(false);
  });
});
