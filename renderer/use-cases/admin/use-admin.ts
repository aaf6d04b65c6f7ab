import { useCallback, useEffect, useState } from 'react';
import { getDb } from '../../db/database';
import { AdminApi } from '../../sync/admin-api';
import { listClients } from '../../db/repositories/clients';
import { readStoredSession } from '../../sync/session';
import { useLiveQuery } from 'dexie-react-hooks';
import { syncNow } from '../../sync/sync-service';
import { fetchTransport } from '../../sync/transport';

export type { AdminApi };

export interface AdminState<T> {
  readonly data: T | undefined;
  /** The last failure, as thrown (the screen words it with userMessage); null when none. */
  readonly error: unknown;
  readonly busy: boolean;
  /** Runs an action, shows its error in French, then reloads and syncs this laptop. */
  run(action: (api: AdminApi) => Promise<unknown>, done?: string): Promise<boolean>;
  readonly notice: string | null;
}

/** Loads something from the office administration API, and runs its actions. */
export function useAdmin<T>(load: (api: AdminApi) => Promise<T>): AdminState<T> {
  const [data, setData] = useState<T>();
  const [error, setError] = useState<unknown>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [version, setVersion] = useState(0);

  useEffect(() => {
    let live = true;
    AdminApi.open(getDb(), fetchTransport)
      .then(load)
      .then(
        (value) => {
          if (live) setData(value);
        },
        (e: unknown) => {
          if (live) setError(e);
        },
      );
    return () => {
      live = false;
    };
    // `load` is a module-level function per panel (stable): reloads come from `version`.
  }, [load, version]);

  const run = useCallback(async (action: (api: AdminApi) => Promise<unknown>, done?: string) => {
    setBusy(true);
    setError(null);
    setNotice(null);
    try {
      await action(await AdminApi.open(getDb(), fetchTransport));
      if (done) setNotice(done);
      setVersion((v) => v + 1);
      void syncNow();
      return true;
    } catch (e) {
      setError(e);
      return false;
    } finally {
      setBusy(false);
    }
  }, []);

  return { data, error, busy, run, notice };
}

/** The account this laptop is logged in with (null: none), live: the page is for the office. */
export function useSignedInAccount() {
  const db = getDb();
  const session = useLiveQuery(() => readStoredSession(db), [db]);
  return session === undefined ? undefined : (session?.account ?? null);
}

/** Every client by name and every contact, live (the assignments and validation tables). */
export function useClientsAndContacts() {
  const db = getDb();
  return useLiveQuery(
    async () => ({ clients: await listClients(db), contacts: await db.contacts.toArray() }),
    [db],
  );
}
