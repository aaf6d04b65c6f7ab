import 'fake-indexeddb/auto';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { verifySeal } from '../../../../shared/report/seal';
import { SYNC_STATE_KEYS } from '../../../../renderer/db/sync-state-keys';
import { attachmentBytes, listAttachments } from '../../../../renderer/db/repositories/attachments';
import { addVisitPhoto, getVisit } from '../../../../renderer/db/repositories/visits';
import { getReport } from '../../../../renderer/db/repositories/reports';
import type { StoredReport } from '../../../../renderer/db/repositories/reports';
import type { DesktopDeps } from '../../../../renderer/use-cases/deps';
import { correctReport } from '../../../../renderer/use-cases/reports/correct-report';
import { reportPdfBytes } from '../../../../renderer/use-cases/reports/report-pdf';
import { saveWork } from '../../../../renderer/use-cases/visits/save-work';
import { signVisit } from '../../../../renderer/use-cases/visits/sign-visit';
import type { SignVisitDeps } from '../../../../renderer/use-cases/visits/sign-visit';
import { startVisit } from '../../../../renderer/use-cases/visits/start-visit';
import { tapTimer } from '../../../../renderer/use-cases/visits/tap-timer';
import { loadReportFonts } from '../../../../server/delivery/report-fonts';
import { images } from '../../../fixtures/report/sample-report';
import { newVisitInput, visitWorld } from './visit-world';
import type { VisitWorld } from './visit-world';

const fonts = loadReportFonts();
let world: VisitWorld | undefined;
afterEach(() => world?.db.close());

function pdfText(bytes: Uint8Array): string {
  const file = join(mkdtempSync(join(tmpdir(), 'bordereau-sign-')), 'report.pdf');
  writeFileSync(file, bytes);
  return execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
}

/** A visit of 2 h 10 on site, its work described, stopped: ready to sign. */
async function stoppedVisit(w: VisitWorld): Promise<string> {
  const visit = await startVisit(w.deps, newVisitInput(w));
  w.clock.advance(130);
  await tapTimer(w.deps, { visitId: visit.id, action: 'stop' });
  await saveWork(w.deps, {
    visitId: visit.id,
    work: { description: 'Remplacement du disque n° 3, reconstruction du RAID.' },
  });
  w.clock.advance(3);
  return visit.id;
}

function depsOf(w: VisitWorld, extra: Partial<SignVisitDeps> = {}): SignVisitDeps {
  return {
    ...w.deps,
    // No shell in a unit test: the backup step is observed, not run.
    desktop: {} as DesktopDeps['desktop'],
    renderPdf: (db, report) => reportPdfBytes(db, report, null, fonts),
    backup: () => Promise.resolve(),
    ...extra,
  };
}

const signed = {
  status: 'signed' as const,
  imagePngDataUrl: images.clientSignature,
  signerName: 'Hélène Lefèvre',
  role: 'Gérante',
};
const copy = { methods: ['printed' as const], emails: [] };

describe('signVisit', () => {
  it('seals the report under the next number, stores its PDF and marks the visit signed', async () => {
    world = await visitWorld();
    const visitId = await stoppedVisit(world);
    const backups: number[] = [];
    const { report, pdfError } = await signVisit(
      depsOf(world, { backup: () => Promise.resolve(void backups.push(world!.clock.now())) }),
      { visitId, client: signed, clientCopy: copy },
    );

    expect(pdfError).toBeNull();
    expect(report.content.number).toBe('BI-2026-JD-0001');
    expect(report.status).toBe('sealed');
    if (report.status !== 'sealed') throw new Error('not sealed');
    expect(await verifySeal(report)).toMatchObject({ valid: true });
    // 2 h 10 on site: the 2 h minimum is passed, the half-day step (3 h 30) at 80 €/h.
    expect(report.content.timeline.workedMinutes).toBe(130);
    expect(report.content.billing).toMatchObject({ kind: 'billed', totalHtCents: 28_000 });
    expect(report.content.clientCopy).toEqual(copy);
    expect(report.content.signatures.client).toMatchObject({
      status: 'signed',
      signerName: 'Hélène Lefèvre',
      signedAt: world.clock.now(),
    });

    const visit = await getVisit(world.db, visitId);
    expect(visit).toMatchObject({
      status: 'signed',
      reportId: report.id,
      number: report.content.number,
    });
    const [pdf] = await listAttachments(world.db, report.id, 'pdf');
    expect(pdf?.fileName).toBe('BI-2026-JD-0001.pdf');
    expect(pdfText(attachmentBytes(pdf!))).toContain('BI-2026-JD-0001');
    expect(backups).toEqual([world.clock.now()]);
  });

  it('closes the report without the client, with the reason and circumstances', async () => {
    world = await visitWorld();
    const visitId = await stoppedVisit(world);
    const { report } = await signVisit(depsOf(world), {
      visitId,
      client: { status: 'not-signed', reason: 'absent', note: 'Client parti avant la fin.' },
      clientCopy: copy,
    });
    expect(report.status === 'sealed' && report.content.signatures.client).toEqual({
      status: 'not-signed',
      reason: 'absent',
      note: 'Client parti avant la fin.',
      recordedAt: world.clock.now(),
    });
  });

  it.each([
    ['an empty pad', { ...signed, imagePngDataUrl: '' }, 'Le client doit signer dans le cadre.'],
    ['no signer name', { ...signed, signerName: '  ' }, 'Indiquez le nom du signataire.'],
    [
      'no circumstances',
      { status: 'not-signed' as const, reason: 'refused' as const, note: '' },
      'Décrivez les circonstances (obligatoire).',
    ],
  ])('refuses %s in French and writes nothing', async (_name, client, message) => {
    world = await visitWorld();
    const visitId = await stoppedVisit(world);
    await expect(signVisit(depsOf(world), { visitId, client, clientCopy: copy })).rejects.toThrow(
      message,
    );
    expect(await world.db.reports.count()).toBe(0);
    expect((await getVisit(world.db, visitId))?.status).toBe('to-sign');
  });

  it('refuses a visit still running', async () => {
    world = await visitWorld();
    const visit = await startVisit(world.deps, newVisitInput(world));
    await expect(
      signVisit(depsOf(world), { visitId: visit.id, client: signed, clientCopy: copy }),
    ).rejects.toThrow('Terminez d’abord la visite (minuteur).');
    expect(await world.db.reports.count()).toBe(0);
  });

  it('a photo missing on this laptop stops the signature before anything is written', async () => {
    world = await visitWorld();
    const visitId = await stoppedVisit(world);
    await addVisitPhoto(
      world.db,
      visitId,
      { attachmentId: 'a'.repeat(64), caption: 'Baie avant', takenAt: world.clock.now() },
      world.clock.now(),
    );
    await expect(
      signVisit(depsOf(world), { visitId, client: signed, clientCopy: copy }),
    ).rejects.toThrow('Fichier introuvable sur ce poste pour la photo n° 1 (Baie avant)');
    expect(await world.db.reports.count()).toBe(0);
    expect(await world.db.settings.where('key').startsWith('reportSequence:').count()).toBe(0);
    expect((await getVisit(world.db, visitId))?.status).toBe('to-sign');
  });

  it('numbering refused after a restore: no draft, no number taken, the visit still to sign', async () => {
    world = await visitWorld();
    const visitId = await stoppedVisit(world);
    await world.db.syncState.put({ key: SYNC_STATE_KEYS.restoredUnsynced, value: true });
    await expect(
      signVisit(depsOf(world), { visitId, client: signed, clientCopy: copy }),
    ).rejects.toThrow('Numéro de bordereau impossible pour l’instant');
    expect(await world.db.reports.count()).toBe(0);
    expect(await getVisit(world.db, visitId)).toMatchObject({ status: 'to-sign', reportId: null });

    // Once synced, the same signature goes through with the first number.
    await world.db.syncState.delete(SYNC_STATE_KEYS.restoredUnsynced);
    const { report } = await signVisit(depsOf(world), {
      visitId,
      client: signed,
      clientCopy: copy,
    });
    expect(report.content.number).toBe('BI-2026-JD-0001');
  });

  it('a failing PDF step leaves the report sealed and the visit signed, the PDF rebuilt later', async () => {
    world = await visitWorld();
    const visitId = await stoppedVisit(world);
    const { report, pdfError } = await signVisit(
      depsOf(world, { renderPdf: () => Promise.reject(new Error('police absente')) }),
      { visitId, client: signed, clientCopy: copy },
    );
    expect(pdfError).toBe(
      'Bordereau signé et scellé, mais son PDF n’a pas pu être produit (police absente) : il sera refait à l’ouverture du bordereau.',
    );
    const stored = (await getReport(world.db, report.id)) as StoredReport;
    expect(stored.status).toBe('sealed');
    expect((await getVisit(world.db, visitId))?.status).toBe('signed');
    expect(await listAttachments(world.db, report.id, 'pdf')).toHaveLength(0);
    const rebuilt = await reportPdfBytes(world.db, stored, null, fonts);
    expect(pdfText(rebuilt)).toContain('BI-2026-JD-0001');
  });

  it('a failing backup never fails the signature', async () => {
    world = await visitWorld();
    const visitId = await stoppedVisit(world);
    const { report } = await signVisit(
      depsOf(world, { backup: () => Promise.reject(new Error('disque plein')) }),
      { visitId, client: signed, clientCopy: copy },
    );
    expect(report.status).toBe('sealed');
  });

  it('refuses to sign twice; a correction is signed as version 2 under the same number', async () => {
    world = await visitWorld();
    const visitId = await stoppedVisit(world);
    const first = await signVisit(depsOf(world), { visitId, client: signed, clientCopy: copy });
    await expect(
      signVisit(depsOf(world), { visitId, client: signed, clientCopy: copy }),
    ).rejects.toThrow('Cette intervention est déjà signée.');
    expect(await world.db.reports.count()).toBe(1);

    world.clock.advance(60);
    const draft = await correctReport(world.deps, { reportId: first.report.id });
    expect((await getVisit(world.db, visitId))?.status).toBe('to-sign');
    const second = await signVisit(depsOf(world), { visitId, client: signed, clientCopy: copy });
    expect(second.report.id).toBe(draft.id);
    expect(second.report.content.number).toBe(first.report.content.number);
    expect(second.report.content.version).toEqual({
      number: 2,
      supersedes: expect.objectContaining({
        reportId: first.report.id,
        number: 'BI-2026-JD-0001',
      }) as unknown,
    });
    // The first stays sealed, untouched.
    expect(await getReport(world.db, first.report.id)).toEqual(first.report);
  });
});
