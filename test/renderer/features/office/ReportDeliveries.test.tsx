import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { BordereauDb } from '../../../../renderer/db/database';
import { setDb } from '../../../../renderer/db/database';
import { ReportDeliveries } from '../../../../renderer/features/office/ReportDeliveries';
import { freshDb } from '../../db/fresh-db';
import { logInAsOffice, officeTransport, SERVER } from '../../use-cases/office/office-server-stub';
import type { SeenRequest } from '../../use-cases/office/office-server-stub';

const REPORT = '0192b3c4-0000-7000-8000-0000000000a1';
const AT = Date.UTC(2026, 10, 23, 9, 0);
const delivery = (id: string, reason: 'signed' | 'resend', status: 'sent' | 'pending') => ({
  id,
  reportId: REPORT,
  reportNumber: 'BI-2026-JD-0001',
  reportVersion: 1,
  recipients: ['helene.lefevre@cabinet-lefevre.example'],
  reason,
  status,
  attempts: status === 'sent' ? 1 : 0,
  lastError: null,
  createdAt: AT,
  nextAttemptAt: AT,
  sentAt: status === 'sent' ? AT : null,
});

let db: BordereauDb;
let seen: SeenRequest[];

/** The office server: the copy e-mailed at signing; a resend adds a pending one. */
beforeEach(async () => {
  db = freshDb();
  setDb(db);
  await logInAsOffice(db);
  const deliveries = [delivery('0192b3c4-0000-7000-8000-0000000000d1', 'signed', 'sent')];
  const server = officeTransport((request) => {
    if (request.method === 'POST') {
      const resent = delivery('0192b3c4-0000-7000-8000-0000000000d2', 'resend', 'pending');
      deliveries.push(resent);
      return { status: 201, body: resent };
    }
    return { status: 200, body: { smtpConfigured: true, deliveries } };
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

describe('the e-mailings of a report', () => {
  it('lists them from the office server, and Renvoyer par e-mail adds one', async () => {
    render(<ReportDeliveries reportId={REPORT} />);
    const list = await screen.findByTestId('deliveries');
    expect(list.textContent).toMatch(
      /^Envoi à la signature à helene\.lefevre@cabinet-lefevre\.example — Envoyé le /,
    );
    fireEvent.click(screen.getByRole('button', { name: 'Renvoyer par e-mail' }));
    await waitFor(() => expect(screen.getAllByRole('listitem')).toHaveLength(2));
    expect(screen.getAllByRole('listitem')[1]?.textContent).toBe(
      'Renvoi à helene.lefevre@cabinet-lefevre.example — Envoi en cours',
    );
    expect(seen.filter((r) => r.method === 'POST').map((r) => [r.url, r.body])).toEqual([
      [`${SERVER}/api/v1/reports/${REPORT}/deliveries`, {}],
    ]);
  });

  it('says in French why the list cannot be read', async () => {
    vi.stubGlobal('fetch', () => Promise.reject(new TypeError('Failed to fetch')));
    render(<ReportDeliveries reportId={REPORT} />);
    expect((await screen.findByRole('alert')).textContent).toMatch(
      /^Serveur du bureau injoignable/,
    );
  });
});
