import type { BordereauDb } from '../../db/database';

/** What the « Aujourd'hui » use cases need, injected so tests run them on fake-indexeddb. */
export interface TodayDeps {
  readonly db: BordereauDb;
  readonly clock: { now(): number };
}
