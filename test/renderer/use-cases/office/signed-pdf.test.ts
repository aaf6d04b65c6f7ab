import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import type { DesktopDeps } from '../../../../renderer/use-cases/deps';
import { saveSignedPdf } from '../../../../renderer/use-cases/office/signed-pdf';
import { visitWorld } from '../visits/visit-world';
import type { VisitWorld } from '../visits/visit-world';
import { pdfText, signedVisit } from './office-world';

let world: VisitWorld | undefined;
afterEach(() => world?.db.close());

describe('saveSignedPdf', () => {
  it('saves the PDF kept at signing under the bordereau’s number', async () => {
    world = await visitWorld();
    const report = await signedVisit(world);
    const saved: { suggestedName: string; bytes: Uint8Array }[] = [];
    const desktop = {
      savePdf: async (request: { suggestedName: string; bytes: Uint8Array }) => {
        saved.push(request);
        return { ok: true as const, value: { path: '/tmp/BI-2026-JD-0001.pdf' } };
      },
    } as unknown as DesktopDeps['desktop'];
    expect(await saveSignedPdf({ ...world.deps, desktop }, { reportId: report.id })).toBe(
      '/tmp/BI-2026-JD-0001.pdf',
    );
    expect(saved.map((s) => s.suggestedName)).toEqual(['BI-2026-JD-0001.pdf']);
    expect(pdfText(saved[0]!.bytes)).toContain('Hélène Lefèvre');
  });

  it('says so when the bordereau is not on this laptop', async () => {
    world = await visitWorld();
    const desktop = {} as DesktopDeps['desktop'];
    await expect(
      saveSignedPdf(
        { ...world.deps, desktop },
        { reportId: '0192b3c4-0000-7000-8000-0000000000ff' },
      ),
    ).rejects.toThrow('Bordereau introuvable sur ce poste : synchronisez.');
  });
});
