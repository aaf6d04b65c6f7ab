import type { BordereauDb } from '../../db/database';

/** What the « Aujourd'hui » use cases need, injected so tests run them on fake-indexeddb. */
export interface TodayDeps {
  readonly db: BordereauDb;
  readonly clock: { now(): number };
}

/** The browser's clock (Playwright's page.clock drives it in the e2e tests). */
export const systemClock = {
  now(): number {
    return Date.now();
  },
};
