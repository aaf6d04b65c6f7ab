import { afterEach, describe, expect, it } from 'vitest';
import type { BordereauDb } from '../../../../renderer/db/database';
import {
  dismissFirstRunGuide,
  loadFirstRunState,
} from '../../../../renderer/use-cases/onboarding/first-run';
import { freshDb } from '../../db/fresh-db';
import { testDeps } from '../deps';

let db: BordereauDb;
afterEach(() => db?.close());

describe('first-run guide', () => {
  it('shows on a new install until closed, and stays closed', async () => {
    db = freshDb();
    expect(await loadFirstRunState(db)).toEqual({
      dismissed: false,
      identity: false,
      server: false,
    });
    await dismissFirstRunGuide(testDeps(db));
    expect((await loadFirstRunState(db)).dismissed).toBe(true);
  });
});
