import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { StoredReport } from '../../../../renderer/db/repositories/reports';
import type { BordereauDb } from '../../../../renderer/db/database';
import { login } from '../../../../renderer/sync/session';
import type { Transport } from '../../../../renderer/sync/transport';
import type { DesktopDeps } from '../../../../renderer/use-cases/deps';
import { reportPdfBytes } from '../../../../renderer/use-cases/reports/report-pdf';
import { saveWork } from '../../../../renderer/use-cases/visits/save-work';
import { signVisit } from '../../../../renderer/use-cases/visits/sign-visit';
import { startVisit } from '../../../../renderer/use-cases/visits/start-visit';
import { tapTimer } from '../../../../renderer/use-cases/visits/tap-timer';
import { loadReportFonts } from '../../../../server/delivery/report-fonts';
import { images } from '../../../fixtures/report/sample-report';
import { newVisitInput } from '../visits/visit-world';
import type { VisitWorld } from '../visits/visit-world';

export const fonts = loadReportFonts();

/** A visit of 2 h 10 on site (3 h 30 billed at 80 € HT), signed by the client: BI-2026-JD-0001. */
export async function signedVisit(w: VisitWorld): Promise<StoredReport> {
  const visit = await startVisit(w.deps, newVisitInput(w));
  w.clock.advance(130);
  await tapTimer(w.deps, { visitId: visit.id, action: 'stop' });
  await saveWork(w.deps, {
    visitId: visit.id,
    work: { description: 'Remplacement du disque n° 3, reconstruction du RAID.' },
  });
  w.clock.advance(3);
  const { report } = await signVisit(
    {
      ...w.deps,
      desktop: {} as DesktopDeps['desktop'],
      renderPdf: (db, r) => reportPdfBytes(db, r, null, fonts),
      backup: () => Promise.resolve(),
    },
    {
      visitId: visit.id,
      client: {
        status: 'signed',
        imagePngDataUrl: images.clientSignature,
        signerName: 'Hélène Lefèvre',
        role: 'Gérante',
      },
      clientCopy: { methods: ['printed'], emails: [] },
    },
  );
  return report;
}

/** The text of a PDF, as pdftotext reads it. */
export function pdfText(bytes: Uint8Array): string {
  const file = join(mkdtempSync(join(tmpdir(), 'bordereau-office-')), 'file.pdf');
  writeFileSync(file, bytes);
  return execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
}

export const SERVER = 'https://bureau.example.fr';
export const TOKEN = 't'.repeat(40);

export interface SeenRequest {
  readonly method: string;
  readonly url: string;
  readonly headers: Record<string, string>;
  readonly body: unknown;
}

/**
 * An office server on the wire as `fetch` sees it: answers each request with `reply` (a
 * status and a JSON body) and keeps what was sent.
 */
export function officeTransport(
  reply: (request: SeenRequest) => { status: number; body: unknown },
): {
  transport: Transport;
  seen: SeenRequest[];
} {
  const seen: SeenRequest[] = [];
  const transport: Transport = async (url, init) => {
    const request: SeenRequest = {
      method: init.method ?? 'GET',
      url,
      headers: (init.headers ?? {}) as Record<string, string>,
      body: typeof init.body === 'string' ? JSON.parse(init.body) : undefined,
    };
    seen.push(request);
    const { status, body } = reply(request);
    return new Response(JSON.stringify(body), {
      status,
      headers: { 'content-type': 'application/json' },
    });
  };
  return { transport, seen };
}

/** Logs this laptop in as the office, through the app's own login (token kept as a secret). */
export async function logInAsOffice(db: BordereauDb): Promise<void> {
  const { transport } = officeTransport(() => ({
    status: 200,
    body: {
      token: TOKEN,
      expiresAt: Date.UTC(2027, 0, 1),
      account: {
        id: '0192b3c4-0000-7000-8000-00000000b0b0',
        email: 'bureau@exemple.fr',
        name: 'Sophie Martin',
        role: 'office',
      },
    },
  }));
  await login(db, { serverUrl: SERVER, email: 'bureau@exemple.fr', password: 'secret' }, transport);
}
