import { useLiveQuery } from 'dexie-react-hooks';
import { getDb } from '../../db/database';
import {
  discardRefused,
  readClientRefusalMarks,
  readRefusalMarks,
  refusalAdvice,
  resendRefused,
} from '../../sync/refusal-marks';
import type { RefusalMark } from '../../sync/refusal-marks';
import type { UseCaseDeps } from '../deps';

export { refusalAdvice };
export type { RefusalMark };

/** Sends a refused record again, whole, at the clock's time (the office has done what was asked). */
export async function resendRefusedRecord(deps: UseCaseDeps, mark: RefusalMark): Promise<boolean> {
  return resendRefused(deps.db, mark.entity, mark.recordId, deps.clock.now());
}

/** Gives up a refused record that exists on this laptop only (never a signed bordereau). */
export async function discardRefusedRecord(deps: UseCaseDeps, mark: RefusalMark): Promise<void> {
  await discardRefused(deps.db, mark.entity, mark.recordId);
}

/** The refusals of one client's records, live. */
export function useClientRefusals(clientId: string): readonly RefusalMark[] | undefined {
  const db = getDb();
  return useLiveQuery(() => readClientRefusalMarks(db, clientId), [db, clientId]);
}

/** How many refused records each client has, live (one query for a whole list). */
export function useRefusalCountsByClient(): ReadonlyMap<string, number> | undefined {
  const db = getDb();
  return useLiveQuery(async () => {
    const map = new Map<string, number>();
    for (const mark of await readRefusalMarks(db)) {
      if (mark.clientId) map.set(mark.clientId, (map.get(mark.clientId) ?? 0) + 1);
    }
    return map;
  }, [db]);
}
