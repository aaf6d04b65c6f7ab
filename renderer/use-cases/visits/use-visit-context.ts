import { useLiveQuery } from 'dexie-react-hooks';
import { getDb } from '../../db/database';
import { loadVisitContext } from './visit-context';
import type { VisitContext } from './visit-context';

/** Everything a visit screen shows, live from IndexedDB; undefined while loading, null if the visit is gone. */
export function useVisitContext(id: string | undefined): VisitContext | null | undefined {
  const db = getDb();
  return useLiveQuery(async () => (id ? loadVisitContext(db, id) : null), [db, id]);
}
