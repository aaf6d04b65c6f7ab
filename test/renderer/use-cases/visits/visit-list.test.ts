import { afterEach, describe, expect, it } from 'vitest';
import type { BordereauDb } from '../../../../renderer/db/database';
import { loadVisitList } from '../../../../renderer/use-cases/visits/visit-list';
import { freshDb } from '../../db/fresh-db';
import { newVisit } from '../../visits/visit-fixtures';

let db: BordereauDb;
afterEach(() => db?.close());

describe('visits list', () => {
  it('lists each visit with its client’s name and whether it waits to sync', async () => {
    db = freshDb();
    const visit = await newVisit(db);
    const list = await loadVisitList(db);
    // The fixture's client is not on this laptop: the list says so rather than failing.
    expect(list.clients).toEqual([]);
    expect(list.rows).toHaveLength(1);
    expect(list.rows[0]).toMatchObject({
      visit: { id: visit.id },
      clientName: 'Client inconnu',
      unsynced: true,
      closure: null,
    });
    await db.outbox.clear();
    expect((await loadVisitList(db)).rows[0]?.unsynced).toBe(false);
  });
});
