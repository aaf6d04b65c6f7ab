import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { BordereauDb } from '../../../../renderer/db/database';
import { setDb } from '../../../../renderer/db/database';
import { createClient } from '../../../../renderer/db/repositories/clients';
import { createSite } from '../../../../renderer/db/repositories/sites';
import { ClientRefusalNotices } from '../../../../renderer/features/sync/RefusalNotices';
import { refusalKey } from '../../../../renderer/sync/refusal-marks';
import type { RefusalMark } from '../../../../renderer/sync/refusal-marks';
import { freshDb } from '../../db/fresh-db';

let db: BordereauDb;
let clientId: string;
let siteId: string;

/** A site created on this laptop and refused by the office server: it exists here only. */
beforeEach(async () => {
  db = freshDb();
  setDb(db);
  clientId = (await createClient(db, { name: 'Boulangerie Martin' })).id;
  siteId = (
    await createSite(db, {
      clientId,
      name: 'Atelier',
      address: '2 rue Neuve',
      postcode: '76000',
      city: 'Rouen',
    })
  ).id;
  const mark: RefusalMark = {
    entity: 'sites',
    recordId: siteId,
    clientId,
    reason: 'forbidden',
    message: 'Ce client ne vous est pas attribué.',
    at: 1,
    localOnly: true,
  };
  await db.syncState.put({ key: refusalKey('sites', siteId), value: mark });
});
afterEach(() => db.close());

function dialog(): HTMLDialogElement {
  return screen.getByText(/Supprimer définitivement/).closest('dialog')!;
}

describe('a refused record that exists on this laptop only', () => {
  it('asks before deleting: Annuler keeps the record and its notice', async () => {
    render(<ClientRefusalNotices clientId={clientId} />);
    fireEvent.click(await screen.findByRole('button', { name: 'Supprimer de cet ordinateur' }));
    await waitFor(() => expect(dialog().open).toBe(true));
    fireEvent.click(screen.getByRole('button', { name: 'Annuler' }));
    await waitFor(() => expect(dialog().open).toBe(false));
    expect(await db.sites.get(siteId)).toBeDefined();
    expect(await db.syncState.get(refusalKey('sites', siteId))).toBeDefined();
    expect(screen.getByTestId('refusal-notice')).toBeDefined();
  });

  it('Supprimer in the dialog deletes it from this laptop, and its notice goes', async () => {
    render(<ClientRefusalNotices clientId={clientId} />);
    fireEvent.click(await screen.findByRole('button', { name: 'Supprimer de cet ordinateur' }));
    await waitFor(() => expect(dialog().open).toBe(true));
    fireEvent.click(screen.getByRole('button', { name: 'Supprimer' }));
    await waitFor(() => expect(screen.queryByTestId('refusal-notice')).toBeNull());
    expect(await db.sites.get(siteId)).toBeUndefined();
    expect(await db.syncState.get(refusalKey('sites', siteId))).toBeUndefined();
  });
});
