import { execFileSync } from 'node:child_process';
import { readFileSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { uuidv7 } from 'uuidv7';
import { SYNC_LIMITS } from '../../shared/sync/protocol';
import { sealReport } from '../../shared/report/seal';
import { putRecord } from '../../renderer/db/changes';
import { getAttachment, saveAttachment } from '../../renderer/db/repositories/attachments';
import { getReport } from '../../renderer/db/repositories/reports';
import { reportOf } from '../../shared/sync/report-record';
import { reportPdfBytes } from '../../renderer/use-cases/reports/report-pdf';
import { loadReportFonts } from '../../server/delivery/report-fonts';

const fonts = loadReportFonts();
import { SyncApi } from '../../renderer/sync/api-client';
import { fetchTransport } from '../../renderer/sync/transport';
import { count } from '../server/helpers';
import { draftReport, PNG_1PX, plain, sealedReport } from '../server/report-fixture';
import { officeClientForTech1, useSyncWorld } from './sync-harness';

const JPEG = new Uint8Array(readFileSync(join(__dirname, '../fixtures/report/photo-rack.jpg')));

function pdfText(bytes: Uint8Array): string {
  const file = join(mkdtempSync(join(tmpdir(), 'bordereau-photos-')), 'report.pdf');
  writeFileSync(file, bytes);
  return execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
}

/**
 * A signed bordereau with photos: the report seals each photo by its hash, the photo's bytes
 * travel as a blob, and the office rebuilds the very same PDF from the server's copies.
 */
describe('signed reports and their photos, from the technician’s laptop to the office', () => {
  const world = useSyncWorld('pglite');

  it('syncs a report with many photos, and the office prints the same PDF', async () => {
    const server = world.server();
    const { clientId } = await officeClientForTech1(world);
    const tech = world.device('tech1', 'tech');
    await tech.sync();

    // Inline, eight resized camera photos (200–400 kB each) made a record of megabytes, far
    // over the sync limit for one record: the server refused it.
    const visitId = uuidv7();
    const photos = [];
    for (let i = 0; i < 8; i++) {
      // Eight distinct files: a byte after the JPEG's end marker, which decoders ignore.
      const bytes = new Uint8Array([...JPEG, i]);
      const attachment = await saveAttachment(tech.db, {
        ownerId: visitId,
        clientId: clientId,
        kind: 'photo',
        mimeType: 'image/jpeg',
        fileName: `photo-${i + 1}.jpg`,
        createdAt: 1,
        bytes,
      });
      photos.push({
        caption: `Photo de la baie, vue ${i + 1}`,
        sha256: attachment.id,
        mediaType: 'image/jpeg' as const,
        takenAt: Date.UTC(2026, 10, 2, 9, i),
      });
    }
    const id = uuidv7();
    const draft = draftReport(id);
    const signedAt = Date.UTC(2026, 10, 2, 10, 0);
    const sealed = plain(
      await sealReport(
        { ...draft, content: { ...draft.content, photos } },
        {
          client: {
            status: 'signed',
            signerName: 'Hélène Lefèvre',
            role: 'Gérante',
            signedAt,
            imagePngDataUrl: PNG_1PX,
          },
          technician: { name: 'Jean Dupont', signedAt, imagePngDataUrl: PNG_1PX },
        },
        signedAt + 1000,
      ),
    );
    await putRecord(tech.db, 'reports', {
      id,
      revision: null,
      updatedAt: 1,
      interventionId: visitId,
      clientId: clientId,
      ...sealed,
    });
    expect(JSON.stringify(sealed).length).toBeLessThan(SYNC_LIMITS.maxRecordBytes / 4);

    const result = await tech.sync();
    expect(result).toMatchObject({ rejected: 0, conflicts: 0 });
    expect(await count(server.db, 'SELECT count(*) AS n FROM blobs')).toBe(8);
    const techPdf = await reportPdfBytes(tech.db, (await getReport(tech.db, id))!, null, fonts);

    const office2 = world.device('office', 'office-2');
    await office2.sync();
    const stored = (await getReport(office2.db, id))!;
    expect(await getAttachment(office2.db, photos[0]!.sha256)).toBeUndefined();
    // Without the server, the office cannot print it, and says why.
    await expect(reportPdfBytes(office2.db, stored, null, fonts)).rejects.toThrow(
      /Photos absentes de ce poste : n° 1 \(Photo de la baie, vue 1\), n° 2/,
    );
    const api = new SyncApi(server.url, fetchTransport).withToken(server.office.token);
    const officePdf = await reportPdfBytes(office2.db, stored, (sha) => api.getBlob(sha), fonts);
    expect(Buffer.from(officePdf).equals(Buffer.from(techPdf))).toBe(true);
    expect(pdfText(officePdf)).toContain('Photo 8 – Photo de la baie, vue 8');
    // Kept for the next time, offline.
    expect(await getAttachment(office2.db, photos[7]!.sha256)).toBeDefined();
  });

  it('delivers to the office a signed report of a client the technician does not have, and keeps it on the laptop', async () => {
    const server = world.server();
    const tech = world.device('tech1', 'tech');
    await tech.sync();
    // A client the office never assigned to this technician: a signed report still reaches the office.
    const id = uuidv7();
    const sealed = plain(await sealedReport(id));
    await putRecord(tech.db, 'reports', {
      id,
      revision: null,
      updatedAt: 1,
      interventionId: uuidv7(),
      clientId: uuidv7(),
      ...sealed,
    });
    const result = await tech.sync();
    expect(result.rejected).toBe(0);
    expect(
      await count(server.db, 'SELECT count(*) AS n FROM records WHERE id = $1 AND sealed', [id]),
    ).toBe(1);
    await tech.sync();
    const kept = await getReport(tech.db, id);
    expect(kept?.status).toBe('sealed');
    expect(kept && reportOf(kept)).toEqual(sealed);
  });

  it('refuses a photo whose bytes do not match the sealed hash', async () => {
    const office = world.device('office', 'office');
    const id = uuidv7();
    const draft = draftReport(id);
    const signedAt = Date.UTC(2026, 10, 2, 10, 0);
    const sealed = plain(
      await sealReport(
        {
          ...draft,
          content: {
            ...draft.content,
            photos: [
              {
                caption: 'Baie',
                sha256: 'a'.repeat(64),
                mediaType: 'image/jpeg',
                takenAt: signedAt - 60_000,
              },
            ],
          },
        },
        {
          client: { status: 'not-signed', reason: 'absent', note: 'Fermé', recordedAt: signedAt },
          technician: { name: 'Jean Dupont', signedAt, imagePngDataUrl: PNG_1PX },
        },
        signedAt + 1000,
      ),
    );
    await putRecord(office.db, 'reports', {
      id,
      revision: null,
      updatedAt: 1,
      interventionId: uuidv7(),
      clientId: uuidv7(),
      ...sealed,
    });
    await expect(
      reportPdfBytes(office.db, (await getReport(office.db, id))!, async () => JPEG, fonts),
    ).rejects.toThrow('La photo n° 1 reçue du serveur ne correspond pas à l’empreinte scellée');
  });
});
