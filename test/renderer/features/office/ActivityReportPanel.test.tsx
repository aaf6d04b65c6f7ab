import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { BordereauDb } from '../../../../renderer/db/database';
import { setDb } from '../../../../renderer/db/database';
import { createClient } from '../../../../renderer/db/repositories/clients';
import { ActivityReportPanel } from '../../../../renderer/features/office/ActivityReportPanel';
import { freshDb } from '../../db/fresh-db';
import { logInAsOffice, officeTransport, SERVER } from '../../use-cases/office/office-server-stub';
import type { SeenRequest } from '../../use-cases/office/office-server-stub';
import { typeDate } from '../../ui/type-date';

let db: BordereauDb;
let clientId: string;
let seen: SeenRequest[];

beforeEach(async () => {
  db = freshDb();
  setDb(db);
  await logInAsOffice(db);
  clientId = (await createClient(db, { name: 'Boulangerie Martin' })).id;
  const server = officeTransport(() => ({
    status: 201,
    body: {
      id: '0192b3c4-0000-7000-8000-0000000000e1',
      clientId,
      month: '2026-11',
      recipients: ['compta@boulangerie-martin.example'],
      status: 'pending',
      attempts: 0,
      lastError: null,
      createdAt: 1,
      nextAttemptAt: 1,
      sentAt: null,
    },
  }));
  seen = server.seen;
  vi.stubGlobal('fetch', server.transport);
});
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
  db.close();
});

describe('the activity report panel', () => {
  it('asks for a client and a month before anything is made or sent', async () => {
    render(<ActivityReportPanel />);
    fireEvent.click(screen.getByRole('button', { name: 'Envoyer par e-mail au client' }));
    await screen.findByText('Choisissez un client.');
    expect(screen.getByText('Choisissez un mois.')).toBeDefined();
    expect(seen).toEqual([]);
  });

  it('asks the office server to e-mail the month’s report, and says to whom', async () => {
    render(<ActivityReportPanel />);
    await screen.findByRole('option', { name: 'Boulangerie Martin' });
    fireEvent.change(screen.getByLabelText('Client'), { target: { value: clientId } });
    await typeDate('Mois', '2026-11');
    fireEvent.click(screen.getByRole('button', { name: 'Envoyer par e-mail au client' }));
    await waitFor(() =>
      expect(screen.getByRole('status').textContent).toBe(
        'Envoi demandé au serveur du bureau, pour compta@boulangerie-martin.example.',
      ),
    );
    expect(seen.map((r) => [r.method, r.url, r.body])).toEqual([
      ['POST', `${SERVER}/api/v1/clients/${clientId}/activity-reports`, { month: '2026-11' }],
    ]);
  });
});
