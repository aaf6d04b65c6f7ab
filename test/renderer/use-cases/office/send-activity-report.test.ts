import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import type { DesktopDeps } from '../../../../renderer/use-cases/deps';
import {
  emailActivityReport,
  saveActivityReport,
} from '../../../../renderer/use-cases/office/send-activity-report';
import { visitWorld } from '../visits/visit-world';
import type { VisitWorld } from '../visits/visit-world';
import { fonts, pdfText, signedVisit } from './office-world';
import { logInAsOffice, officeTransport, SERVER } from './office-server-stub';

let world: VisitWorld | undefined;
afterEach(() => world?.db.close());

/** A desktop shell whose save dialog keeps what it was given. */
function savingDesktop(path: string | null) {
  const saved: { suggestedName: string; bytes: Uint8Array }[] = [];
  const desktop = {
    savePdf: async (request: { suggestedName: string; bytes: Uint8Array }) => {
      saved.push(request);
      return { ok: true as const, value: path === null ? null : { path } };
    },
  } as unknown as DesktopDeps['desktop'];
  return { desktop, saved };
}

describe('saveActivityReport', () => {
  it('makes the month’s PDF from the signed bordereaux and saves it', async () => {
    world = await visitWorld();
    await signedVisit(world);
    const { desktop, saved } = savingDesktop('/home/sophie/rapport-activite-2026-11.pdf');
    const line = await saveActivityReport(
      { ...world.deps, desktop, loadFonts: () => Promise.resolve(fonts) },
      { clientId: world.clientId, month: '2026-11' },
    );
    expect(line).toBe('Rapport enregistré : /home/sophie/rapport-activite-2026-11.pdf');
    expect(saved.map((s) => s.suggestedName)).toEqual(['rapport-activite-2026-11.pdf']);
    const text = pdfText(saved[0]!.bytes);
    expect(text).toContain('Cabinet Lefèvre & Associés');
    expect(text).toContain('BI-2026-JD-0001');
  });

  it('refuses without a client, a month or a signed bordereau, and saves nothing', async () => {
    world = await visitWorld();
    const { desktop, saved } = savingDesktop(null);
    const deps = { ...world.deps, desktop, loadFonts: () => Promise.resolve(fonts) };
    await expect(saveActivityReport(deps, { clientId: '', month: '2026-11' })).rejects.toThrow(
      'Choisissez un client.',
    );
    await expect(
      saveActivityReport(deps, { clientId: world.clientId, month: '2026-13' }),
    ).rejects.toThrow('Choisissez un mois.');
    await expect(
      saveActivityReport(deps, { clientId: world.clientId, month: '2026-11' }),
    ).rejects.toThrow('Aucun bordereau signé pour ce client sur ce poste : synchronisez.');
    expect(saved).toEqual([]);
  });
});

describe('emailActivityReport', () => {
  it('asks the office server to send the month’s report to the contract’s contacts', async () => {
    world = await visitWorld();
    await logInAsOffice(world.db);
    const view = {
      id: '0192b3c4-0000-7000-8000-0000000000e1',
      clientId: world.clientId,
      month: '2026-11',
      recipients: ['helene.lefevre@cabinet-lefevre.example'],
      status: 'pending',
      attempts: 0,
      lastError: null,
      createdAt: world.clock.now(),
      nextAttemptAt: world.clock.now(),
      sentAt: null,
    };
    const { transport, seen } = officeTransport(() => ({ status: 201, body: view }));
    const sent = await emailActivityReport(
      { db: world.db, transport },
      { clientId: world.clientId, month: '2026-11' },
    );
    expect(sent.recipients).toEqual(['helene.lefevre@cabinet-lefevre.example']);
    expect(seen.map((r) => [r.method, r.url, r.body])).toEqual([
      ['POST', `${SERVER}/api/v1/clients/${world.clientId}/activity-reports`, { month: '2026-11' }],
    ]);
  });

  it('passes on the server’s refusal in French', async () => {
    world = await visitWorld();
    await logInAsOffice(world.db);
    const { transport } = officeTransport(() => ({
      status: 400,
      body: {
        error: 'bad_request',
        message:
          'Le contrat du client ne désigne aucun destinataire des exemplaires : indiquez les adresses.',
      },
    }));
    await expect(
      emailActivityReport(
        { db: world.db, transport },
        { clientId: world.clientId, month: '2026-11' },
      ),
    ).rejects.toThrow(
      'Le contrat du client ne désigne aucun destinataire des exemplaires : indiquez les adresses.',
    );
  });
});
