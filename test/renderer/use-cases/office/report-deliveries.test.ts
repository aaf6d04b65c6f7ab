import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import type { BordereauDb } from '../../../../renderer/db/database';
import {
  fetchDeliveries,
  resendReport,
} from '../../../../renderer/use-cases/office/report-deliveries';
import { freshDb } from '../../db/fresh-db';
import { logInAsOffice, officeTransport, SERVER, TOKEN } from './office-server-stub';

const REPORT = '0192b3c4-0000-7000-8000-0000000000a1';
const delivery = {
  id: '0192b3c4-0000-7000-8000-0000000000d1',
  reportId: REPORT,
  reportNumber: 'BI-2026-JD-0001',
  reportVersion: 1,
  recipients: ['helene.lefevre@cabinet-lefevre.example'],
  reason: 'resend',
  status: 'pending',
  attempts: 0,
  lastError: null,
  createdAt: 1_780_000_000_000,
  nextAttemptAt: 1_780_000_000_000,
  sentAt: null,
};

let db: BordereauDb | undefined;
afterEach(() => db?.close());

describe('the deliveries of a report', () => {
  it('asks the office server with this laptop’s token and reads its answer', async () => {
    db = freshDb();
    await logInAsOffice(db);
    const { transport, seen } = officeTransport(() => ({
      status: 200,
      body: { smtpConfigured: false, deliveries: [delivery] },
    }));
    const answer = await fetchDeliveries({ db, transport }, REPORT);
    expect(answer).toEqual({ smtpConfigured: false, deliveries: [delivery] });
    expect(seen).toHaveLength(1);
    expect(seen[0]).toMatchObject({
      method: 'GET',
      url: `${SERVER}/api/v1/reports/${REPORT}/deliveries`,
      headers: { authorization: `Bearer ${TOKEN}`, 'x-bordereau-protocol': '1' },
    });
  });

  it('resends to the report’s own recipients, or to the addresses given', async () => {
    db = freshDb();
    await logInAsOffice(db);
    const { transport, seen } = officeTransport(() => ({ status: 201, body: delivery }));
    expect(await resendReport({ db, transport }, REPORT)).toEqual(delivery);
    await resendReport({ db, transport }, REPORT, { emails: ['compta@exemple.fr'] });
    expect(seen.map((r) => [r.method, r.url, r.body])).toEqual([
      ['POST', `${SERVER}/api/v1/reports/${REPORT}/deliveries`, {}],
      ['POST', `${SERVER}/api/v1/reports/${REPORT}/deliveries`, { emails: ['compta@exemple.fr'] }],
    ]);
  });

  it('says what went wrong in French, and asks nothing of a server with bad input', async () => {
    db = freshDb();
    const { transport, seen } = officeTransport(() => ({
      status: 404,
      body: { error: 'not_found', message: 'Bordereau inconnu du serveur.' },
    }));
    await expect(fetchDeliveries({ db, transport }, REPORT)).rejects.toThrow(
      'Connectez-vous au serveur du bureau (Synchronisation).',
    );
    await logInAsOffice(db);
    await expect(fetchDeliveries({ db, transport }, REPORT)).rejects.toThrow(
      'Bordereau inconnu du serveur.',
    );
    await expect(resendReport({ db, transport }, 'pas-un-id')).rejects.toThrow(
      'Bordereau introuvable.',
    );
    await expect(resendReport({ db, transport }, REPORT, { emails: ['non'] })).rejects.toThrow(
      'Adresse e-mail invalide.',
    );
    expect(seen).toHaveLength(1);
  });
});
