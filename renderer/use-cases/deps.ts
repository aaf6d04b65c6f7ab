import type { DesktopApi } from '../../shared/ipc';
import { getDb } from '../db/database';
import type { BordereauDb } from '../db/database';
import { clock } from '../platform/clock';
import { desktop } from '../platform/desktop';

/** The one source of "now" a use case reads (a fake one in unit tests). */
export interface Clock {
  now(): number;
}

/** What every use case is given rather than reaching for: the database and the clock. */
export interface UseCaseDeps {
  readonly db: BordereauDb;
  readonly clock: Clock;
}

/** Plus the desktop shell (save dialogs, backups, app version); a browser fallback in `npm run web`. */
export interface DesktopDeps extends UseCaseDeps {
  readonly desktop: DesktopApi;
}

/** The app's own dependencies, as the screens pass them. */
export function appDeps(): DesktopDeps {
  return { db: getDb(), clock, desktop };
}
