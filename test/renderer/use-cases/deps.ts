import type { BordereauDb } from '../../../renderer/db/database';
import type { UseCaseDeps } from '../../../renderer/use-cases/deps';

/** A use case's dependencies over a test database and a clock set to `now`. */
export function testDeps(
  db: BordereauDb,
  now = 1_780_000_000_000,
): UseCaseDeps & {
  setNow(ms: number): void;
} {
  let current = now;
  return {
    db,
    clock: { now: () => current },
    setNow(ms: number) {
      current = ms;
    },
  };
}
