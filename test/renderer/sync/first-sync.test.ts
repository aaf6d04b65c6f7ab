import { describe, expect, it } from 'vitest';
import { createClient } from '../../../renderer/db/repositories/clients';
import { saveContract } from '../../../renderer/db/repositories/contracts';
import { SYNC_STATE_KEYS } from '../../../renderer/db/sync-state-keys';
import {
  confirmFirstSync,
  needsFirstSyncConfirmation,
  readFirstSyncPreview,
} from '../../../renderer/sync/first-sync';
import { freshDb } from '../db/fresh-db';

describe('confirmation before a first sync that would change local data', () => {
  it('is asked once for a laptop holding offline work, never for an empty or synced one', async () => {
    const db = freshDb();
    expect(await needsFirstSyncConfirmation(db)).toBe(false);
    const client = await createClient(db, { name: 'Boulangerie Martin' });
    await createClient(db, { name: 'Garage Petit' });
    await saveContract(db, {
      clientId: client.id,
      reference: 'CT-1',
      startsOn: '2026-11-01',
      hourlyRateCents: 9000,
    });
    expect(await needsFirstSyncConfirmation(db)).toBe(true);

    const preview = await readFirstSyncPreview(db, 'technician');
    expect(preview.sent).toEqual({ clients: 2, contracts: 1 });
    expect(preview.lines.join('\n')).toMatch(/3 enregistrement\(s\)/);
    expect(preview.lines.join('\n')).toMatch(/2 client\(s\) créé\(s\) ici .*à valider/);
    expect(preview.lines.join('\n')).toMatch(/1 contrat\(s\).*resteront sur cet ordinateur/);
    expect(preview.lines.join('\n')).toMatch(/Rien de ce qui est sur cet ordinateur n’est effacé/);
    const office = await readFirstSyncPreview(db, 'office');
    expect(office.lines.join('\n')).not.toMatch(/à valider|réservés au bureau/);

    await confirmFirstSync(db);
    expect(await needsFirstSyncConfirmation(db)).toBe(false);

    const synced = freshDb();
    await createClient(synced, { name: 'Après la première' });
    await synced.syncState.put({ key: SYNC_STATE_KEYS.lastSuccessAt, value: 1 });
    expect(await needsFirstSyncConfirmation(synced)).toBe(false);
  });
});
