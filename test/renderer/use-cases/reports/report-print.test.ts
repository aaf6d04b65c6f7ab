import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { DesktopApi, IpcRequest } from '../../../../shared/ipc';
import type { StoredReport } from '../../../../renderer/db/repositories/reports';
import { webDesktop } from '../../../../renderer/platform/desktop.web';
import { printReportPdf } from '../../../../renderer/use-cases/reports/report-print';
import type { VisitWorld } from '../visits/visit-world';
import { KEPT_PDF, signedReportWithPdf } from './kept-report';

let world: VisitWorld | undefined;
afterEach(() => {
  world?.db.close();
  vi.unstubAllGlobals();
});

/** A signed report whose PDF was kept at signing: printing hands over exactly those bytes. */
async function signedReport(): Promise<StoredReport> {
  const made = await signedReportWithPdf();
  world = made.world;
  return made.stored;
}

describe('printReportPdf', () => {
  it('on desktop, sends the kept PDF to the shell’s print viewer under the report’s number', async () => {
    const stored = await signedReport();
    const sent: IpcRequest<'printPdf'>[] = [];
    const desktop: Pick<DesktopApi, 'printPdf'> = {
      printPdf: async (request) => {
        sent.push(request);
        return { ok: true, value: { shownIn: 'viewer' } };
      },
    };
    expect(await printReportPdf({ db: world!.db, desktop }, stored)).toBe(
      'Bordereau ouvert pour l’impression : cliquez sur l’imprimante en haut à droite (ou Ctrl+P) pour choisir l’imprimante.',
    );
    expect(sent).toHaveLength(1);
    expect(sent[0]!.title).toBe(stored.content.number);
    expect(new TextDecoder().decode(sent[0]!.bytes)).toBe(new TextDecoder().decode(KEPT_PDF));
  });

  it('on desktop, shows the shell’s French refusal', async () => {
    const stored = await signedReport();
    const desktop: Pick<DesktopApi, 'printPdf'> = {
      printPdf: async () => ({
        ok: false,
        error: {
          code: 'io',
          message: 'Impossible d’afficher le document à imprimer : disque plein',
        },
      }),
    };
    await expect(printReportPdf({ db: world!.db, desktop }, stored)).rejects.toThrow(
      'Impossible d’afficher le document à imprimer : disque plein',
    );
  });

  it('in a browser, opens the PDF in a new tab, and says so when the tab is blocked', async () => {
    const stored = await signedReport();
    const opened: { url: string; target: string }[] = [];
    let blobs: Blob[] = [];
    let allowTabs = true;
    vi.stubGlobal('window', {
      open: (url: string, target: string) => (opened.push({ url, target }), allowTabs ? {} : null),
    });
    vi.spyOn(URL, 'createObjectURL').mockImplementation((blob) => {
      blobs.push(blob as Blob);
      return 'blob:http://127.0.0.1/1';
    });
    vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => undefined);

    expect(await printReportPdf({ db: world!.db, desktop: webDesktop }, stored)).toBe(
      'PDF ouvert dans un nouvel onglet : imprimez-le (Ctrl+P).',
    );
    expect(opened).toEqual([{ url: 'blob:http://127.0.0.1/1', target: '_blank' }]);
    expect(blobs[0]!.type).toBe('application/pdf');
    expect(await blobs[0]!.text()).toBe(new TextDecoder().decode(KEPT_PDF));

    allowTabs = false;
    blobs = [];
    await expect(printReportPdf({ db: world!.db, desktop: webDesktop }, stored)).rejects.toThrow(
      'Ouverture bloquée par le navigateur : autorisez les fenêtres pour ce site.',
    );
  });
});
