import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { BordereauDb } from '../../../../renderer/db/database';
import { setDb } from '../../../../renderer/db/database';
import { createClient } from '../../../../renderer/db/repositories/clients';
import { ValidationQueue } from '../../../../renderer/features/admin/ValidationQueue';
import { freshDb } from '../../db/fresh-db';
import { logInAsOffice, officeTransport, SERVER } from '../../use-cases/office/office-server-stub';
import type { SeenRequest } from '../../use-cases/office/office-server-stub';
import { renderAt } from '../visits/visit-screen';

// After an action the panel starts a background sync of this laptop: not what is tested here,
// and it would keep polling the stub server after the test.
vi.mock('../../../../renderer/sync/sync-service', () => ({ syncNow: () => Promise.resolve() }));

const FIELD_CLIENT = '0192b3c4-0000-7000-8000-00000000c0c0';
const TECHNICIAN = '0192b3c4-0000-7000-8000-00000000a0a0';

let db: BordereauDb;
let existingId: string;
let seen: SeenRequest[];

/** The office server's queue: GARAGE PETIT, created on site, looks like the existing Garage Petit. */
beforeEach(async () => {
  db = freshDb();
  setDb(db);
  await logInAsOffice(db);
  existingId = (await createClient(db, { name: 'Garage Petit', city: 'Rouen' })).id;
  const server = officeTransport((request) => {
    if (request.url.endsWith('/api/v1/admin/field-clients'))
      return {
        status: 200,
        body: {
          clients: [
            {
              clientId: FIELD_CLIENT,
              name: 'GARAGE PETIT',
              siret: '',
              city: 'Rouen',
              createdBy: { accountId: TECHNICIAN, accountName: 'Léa Martin' },
              createdAt: Date.UTC(2026, 10, 23, 9, 0),
              assignedTo: [TECHNICIAN],
              records: 4,
              duplicates: [{ clientId: existingId, name: 'Garage Petit', siret: '' }],
            },
          ],
        },
      };
    if (request.url.endsWith('/api/v1/admin/accounts'))
      return { status: 200, body: { accounts: [] } };
    if (request.url.endsWith('/api/v1/admin/clients/merge'))
      return { status: 200, body: { moved: 4, sealedMoved: 1, reassigned: 1 } };
    return { status: 404, body: { error: 'not_found', message: 'Route inconnue.' } };
  });
  seen = server.seen;
  vi.stubGlobal('fetch', server.transport);
});
afterEach(() => {
  // Unmounted before the stub server goes, so no late reload reaches the network.
  cleanup();
  vi.unstubAllGlobals();
  db.close();
});

const merges = () =>
  seen.filter((r) => r.method === 'POST' && r.url === `${SERVER}/api/v1/admin/clients/merge`);

function question(): HTMLDialogElement {
  return screen.getByText(/Fusionner « GARAGE PETIT » dans « Garage Petit »/).closest('dialog')!;
}

async function openMerge() {
  renderAt('/', '/', <ValidationQueue />);
  const button = await screen.findByRole('button', { name: 'Fusionner' });
  // The existing client is proposed as the merge target once the clients are read.
  await waitFor(() => expect(button).toHaveProperty('disabled', false));
  fireEvent.click(button);
  await waitFor(() => expect(question().open).toBe(true));
}

describe('merging a client created on site', () => {
  it('asks first: Annuler sends nothing to the server', async () => {
    await openMerge();
    fireEvent.click(screen.getByRole('button', { name: 'Annuler' }));
    await waitFor(() => expect(question().open).toBe(false));
    expect(merges()).toEqual([]);
  });

  it('Fusionner in the dialog merges it into the existing client', async () => {
    await openMerge();
    const confirm = [...question().querySelectorAll('button')].find(
      (b) => b.textContent === 'Fusionner',
    )!;
    fireEvent.click(confirm);
    await screen.findByText('GARAGE PETIT est fusionné dans Garage Petit.');
    expect(merges().map((r) => r.body)).toEqual([
      { sourceClientId: FIELD_CLIENT, targetClientId: existingId },
    ]);
  });
});
