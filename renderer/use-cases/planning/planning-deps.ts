import type { BordereauDb } from '../../db/database';

/** What the planning use cases work with: the local database and the clock (ms). */
export interface PlanningDeps {
  readonly db: BordereauDb;
  readonly now: () => number;
}
