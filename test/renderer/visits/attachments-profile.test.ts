import 'fake-indexeddb/auto';
import { createHash } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import type { BordereauDb } from '../../../renderer/db/database';
import {
  attachmentBytes,
  getAttachment,
  listAttachments,
  saveAttachment,
} from '../../../renderer/db/repositories/attachments';
import {
  getProvider,
  getTechnicianProfile,
  saveProvider,
  saveTechnicianProfile,
} from '../../../renderer/db/repositories/profile';
import { fittedSize } from '../../../renderer/features/photos/resize-photo';
import { formatClock, visitListStatus } from '../../../shared/visit/visit-labels';
import { images, sampleDraft } from '../../fixtures/report/sample-report';
import { freshDb } from '../db/fresh-db';
import { CLIENT_ID, T0 } from './visit-fixtures';

let db: BordereauDb;
afterEach(() => db?.close());

const OWNER = '0192b3c4-0000-7000-8000-0000000000f1';

describe('attachments', () => {
  it('stores bytes under their SHA-256, once, and gives them back intact', async () => {
    db = freshDb();
    const bytes = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3, 4]);
    const input = {
      ownerId: OWNER,
      clientId: CLIENT_ID,
      kind: 'photo' as const,
      mimeType: 'image/jpeg',
      fileName: 'a.jpg',
      createdAt: T0,
      bytes,
    };
    const first = await saveAttachment(db, input);
    const second = await saveAttachment(db, { ...input, createdAt: T0 + 1 });
    expect(first.id).toBe(createHash('sha256').update(bytes).digest('hex'));
    expect(second.id).toBe(first.id);
    expect(await listAttachments(db, OWNER, 'photo')).toHaveLength(1);
    expect(await listAttachments(db, OWNER, 'pdf')).toHaveLength(0);
    const stored = await getAttachment(db, first.id);
    expect(stored && Array.from(attachmentBytes(stored))).toEqual(Array.from(bytes));
    expect(stored?.size).toBe(8);
  });
});

describe('who issues the reports', () => {
  it('keeps the technician profile and refuses a malformed code', async () => {
    db = freshDb();
    expect(await getTechnicianProfile(db)).toBeNull();
    await expect(
      saveTechnicianProfile(db, {
        name: 'Julien Durand',
        code: 'jd',
        signaturePngDataUrl: images.technicianSignature,
      }),
    ).rejects.toThrow('Le code technicien doit compter 2 à 4 lettres majuscules');
    await saveTechnicianProfile(db, {
      name: 'Julien Durand',
      code: 'JD',
      signaturePngDataUrl: images.technicianSignature,
    });
    expect(await getTechnicianProfile(db)).toEqual({
      name: 'Julien Durand',
      code: 'JD',
      signaturePngDataUrl: images.technicianSignature,
    });
  });

  it('keeps the provider identity, checked by the report model (SIRET key, VAT number)', async () => {
    db = freshDb();
    const provider = sampleDraft().content.provider;
    await expect(saveProvider(db, { ...provider, siret: '81234567600018' })).rejects.toThrow();
    expect(await getProvider(db)).toBeNull();
    await saveProvider(db, provider);
    expect((await getProvider(db))?.name).toBe('Arcelle Infogérance');
  });
});

describe('small visit helpers', () => {
  it('scales photos down to 1600 px on the long side, never up', () => {
    expect(fittedSize(4000, 3000)).toEqual({ width: 1600, height: 1200 });
    expect(fittedSize(3000, 4000)).toEqual({ width: 1200, height: 1600 });
    expect(fittedSize(800, 600)).toEqual({ width: 800, height: 600 });
  });

  it('names the list statuses: running, to sign, signed, synced once the office has it', () => {
    const base = { status: 'signed', revision: null } as Parameters<typeof visitListStatus>[0];
    expect(visitListStatus({ ...base, status: 'in-progress' }, false)).toBe('running');
    expect(visitListStatus({ ...base, status: 'to-sign' }, false)).toBe('to-sign');
    expect(visitListStatus(base, false)).toBe('signed');
    expect(visitListStatus({ ...base, revision: 4 }, true)).toBe('signed');
    expect(visitListStatus({ ...base, revision: 4 }, false)).toBe('synced');
    expect(formatClock(3_723_999)).toBe('01:02:03');
  });
});
