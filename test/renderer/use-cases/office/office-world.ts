import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { StoredReport } from '../../../../renderer/db/repositories/reports';
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
