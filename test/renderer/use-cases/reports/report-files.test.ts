import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import type { DesktopApi, IpcRequest } from '../../../../shared/ipc';
import { saveReport } from '../../../../renderer/use-cases/reports/report-files';
import { webDesktop } from '../../../../renderer/platform/desktop.web';
import type { VisitWorld } from '../visits/visit-world';
import { KEPT_PDF, signedReportWithPdf } from './kept-report';

let world: VisitWorld | undefined;
afterEach(() => world?.db.close());

describe('saveReport', () => {
  it('hands the kept PDF to the platform it is given, under the report’s number', async () => {
    const made = await signedReportWithPdf();
    world = made.world;
    const sent: IpcRequest<'savePdf'>[] = [];
    const desktop: Pick<DesktopApi, 'savePdf'> = {
      savePdf: async (request) => {
        sent.push(request);
        return { ok: true, value: { path: '/home/technicien/Documents/bordereau.pdf' } };
      },
    };
    expect(
      await saveReport({ ...made.world.deps, desktop: { ...webDesktop, ...desktop } }, made.stored),
    ).toBe('/home/technicien/Documents/bordereau.pdf');
    expect(sent.map((r) => r.suggestedName)).toEqual([`${made.stored.content.number}.pdf`]);
    expect(new TextDecoder().decode(sent[0]!.bytes)).toBe(new TextDecoder().decode(KEPT_PDF));
  });

  it('says the shell’s French refusal, and a cancelled dialog is no path', async () => {
    const made = await signedReportWithPdf();
    world = made.world;
    const refusing: Pick<DesktopApi, 'savePdf'> = {
      savePdf: async () => ({ ok: false, error: { code: 'io', message: 'Disque plein.' } }),
    };
    await expect(
      saveReport({ ...made.world.deps, desktop: { ...webDesktop, ...refusing } }, made.stored),
    ).rejects.toThrow('Disque plein.');
    const cancelled: Pick<DesktopApi, 'savePdf'> = {
      savePdf: async () => ({ ok: true, value: null }),
    };
    expect(
      await saveReport(
        { ...made.world.deps, desktop: { ...webDesktop, ...cancelled } },
        made.stored,
      ),
    ).toBeNull();
  });
});
