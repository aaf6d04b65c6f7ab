import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { canonicalJson } from '../../../shared/report/canonical-json';
import type { SealedReport } from '../../../shared/report/model';
import {
  assertEditable,
  computeSealHash,
  editReport,
  newVersionOf,
  ReportValidationError,
  SealedReportError,
  sealReport,
  verifySeal,
} from '../../../shared/report/seal';
import {
  absentClientSignatures,
  SEALED_AT,
  SIGNED_AT,
  sampleDraft,
  sampleSignatures,
} from '../../fixtures/report/sample-report';

/**
 * The fixture's seal, computed once and written down: if it changes, either the fixture or
 * the canonical serialisation changed, and every report sealed in the field would stop
 * verifying. Recompute it deliberately, never to make the test pass.
 */
// Recomputed when photos moved from inline data URLs to their SHA-256 (before any release).
const FIXTURE_SEAL_HASH = '829485e05ab007d62763565409d5f3222bbb4412f19abba006ccc4a08acb6420';

async function sealedSample(): Promise<SealedReport> {
  return sealReport(sampleDraft(), sampleSignatures(), SEALED_AT);
}

/** A JSON copy, as the server receives it. */
function received(report: SealedReport): Record<string, unknown> {
  return JSON.parse(JSON.stringify(report)) as Record<string, unknown>;
}

describe('computeSealHash', () => {
  it('is the hex SHA-256 of the UTF-8 canonical JSON', async () => {
    const value = { b: 'é€', a: [1, 2] };
    const expected = createHash('sha256')
      .update(Buffer.from(canonicalJson(value), 'utf8'))
      .digest('hex');
    expect(await computeSealHash(value)).toBe(expected);
    expect(await computeSealHash({})).toBe(
      '44136fa355b3678a1146ad16f7e8649e94fb4fc21fe77e8310c060f61caaff8a',
    );
  });

  it('does not depend on key order', async () => {
    expect(await computeSealHash({ a: 1, b: { c: 2, d: 3 } })).toBe(
      await computeSealHash({ b: { d: 3, c: 2 }, a: 1 }),
    );
  });
});

describe('sealReport', () => {
  it('gives the fixture the same hash on every run and machine', async () => {
    const sealed = await sealedSample();
    expect(sealed.seal).toEqual({
      hash: FIXTURE_SEAL_HASH,
      algorithm: 'SHA-256',
      sealedAt: SEALED_AT,
      signer: { name: 'Julien Durand', code: 'JD' },
    });
    expect(await computeSealHash(sealed.content)).toBe(FIXTURE_SEAL_HASH);
  });

  it('hashes the signatures with the content', async () => {
    const sealed = await sealedSample();
    expect(sealed.content.signatures).toEqual(sampleSignatures());
    const absent = await sealReport(sampleDraft(), absentClientSignatures(), SEALED_AT);
    expect(absent.seal.hash).not.toBe(sealed.seal.hash);
    expect(absent.content.signatures.client).toMatchObject({
      status: 'not-signed',
      reason: 'absent',
    });
  });

  it('does not depend on the order the draft’s keys were built in', async () => {
    const draft = sampleDraft();
    const shuffled = JSON.parse(canonicalJson(draft)) as typeof draft;
    const reversed = {
      ...shuffled,
      content: Object.fromEntries(
        Object.entries(shuffled.content).reverse(),
      ) as typeof draft.content,
    };
    expect((await sealReport(reversed, sampleSignatures(), SEALED_AT)).seal.hash).toBe(
      FIXTURE_SEAL_HASH,
    );
  });

  it('changes the hash when any single field changes', async () => {
    const base = await sealedSample();
    const edits: Array<[string, (c: SealedReport['content']) => void]> = [
      [
        'a minute of work',
        (c) => {
          c.timeline.workedMinutes += 1;
        },
      ],
      [
        'a letter of the description',
        (c) => {
          c.work.description = c.work.description.replace('disque', 'disques');
        },
      ],
      [
        'a cent',
        (c) => {
          c.billing = {
            ...c.billing,
            totalTtcCents: c.billing.kind === 'billed' ? c.billing.totalTtcCents + 1 : 0,
          } as typeof c.billing;
        },
      ],
      [
        'the client signature time',
        (c) => {
          if (c.signatures.client.status === 'signed') c.signatures.client.signedAt += 1;
        },
      ],
      [
        'one byte of the technician’s signature image',
        (c) => {
          c.signatures.technician.imagePngDataUrl =
            c.signatures.technician.imagePngDataUrl.slice(0, -8) + 'AAAAAAA=';
        },
      ],
      [
        'a photo caption',
        (c) => {
          c.photos[0]!.caption += '.';
        },
      ],
      [
        'the covered flag',
        (c) => {
          c.equipment[0]!.covered = false;
        },
      ],
      [
        'the version',
        (c) => {
          c.version.number = 2;
        },
      ],
    ];
    const hashes = new Set([base.seal.hash]);
    for (const [what, edit] of edits) {
      const content = JSON.parse(JSON.stringify(base.content)) as SealedReport['content'];
      edit(content);
      const hash = await computeSealHash(content);
      expect(hash, what).not.toBe(base.seal.hash);
      hashes.add(hash);
    }
    expect(hashes.size).toBe(edits.length + 1);
  });

  it('freezes the sealed report', async () => {
    const sealed = await sealedSample();
    expect(Object.isFrozen(sealed)).toBe(true);
    expect(Object.isFrozen(sealed.content.timeline)).toBe(true);
    expect(() => {
      (sealed.content.timeline as { workedMinutes: number }).workedMinutes = 1;
    }).toThrow(TypeError);
  });

  it('refuses to seal twice, before the signatures, or with invalid signatures', async () => {
    const sealed = await sealedSample();
    await expect(sealReport(sealed, sampleSignatures(), SEALED_AT)).rejects.toThrow(
      SealedReportError,
    );
    await expect(sealReport(sampleDraft(), sampleSignatures(), SIGNED_AT - 1)).rejects.toThrow(
      /ne peut précéder les signatures/,
    );
    const wrongTechnician = {
      ...sampleSignatures(),
      technician: { ...sampleSignatures().technician, name: 'Quelqu’un d’autre' },
    };
    await expect(sealReport(sampleDraft(), wrongTechnician, SEALED_AT)).rejects.toThrow(
      ReportValidationError,
    );
    const noImage = {
      ...sampleSignatures(),
      client: { ...sampleSignatures().client, imagePngDataUrl: 'data:image/png;base64,' },
    };
    await expect(sealReport(sampleDraft(), noImage as never, SEALED_AT)).rejects.toThrow(
      /Image PNG attendue/,
    );
  });
});

describe('sealed reports are immutable', () => {
  it('refuses any edit of a sealed report with a typed error', async () => {
    const sealed = await sealedSample();
    expect(() => assertEditable(sealed)).toThrow(SealedReportError);
    let caught: unknown;
    try {
      editReport(sealed, (c) => ({ ...c, clientRemarks: 'ajout' }));
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(SealedReportError);
    expect(caught).toMatchObject({
      code: 'report-sealed',
      reportNumber: 'BI-2026-JD-0042',
      sealHash: FIXTURE_SEAL_HASH,
    });
    expect((caught as Error).message).toContain('nouvelle version');
  });

  it('edits a draft, validating the result and keeping its identity', () => {
    const draft = sampleDraft();
    const edited = editReport(draft, (c) => ({ ...c, clientRemarks: 'RAS' }));
    expect(edited.content.clientRemarks).toBe('RAS');
    expect(draft.content.clientRemarks).not.toBe('RAS');
    expect(() => editReport(draft, (c) => ({ ...c, number: 'BI-2026-JD-0043' }))).toThrow(
      ReportValidationError,
    );
    expect(() =>
      editReport(draft, (c) => ({ ...c, timeline: { ...c.timeline, workedMinutes: 999 } })),
    ).toThrow(/Temps travaillé incohérent/);
  });

  it('makes a correction a new version that references the sealed one', async () => {
    const sealed = await sealedSample();
    const next = newVersionOf(sealed, {
      id: '019ab0f3-0000-7000-8000-000000000001',
      now: SEALED_AT + 3_600_000,
    });
    expect(next.status).toBe('draft');
    expect(next.content.number).toBe(sealed.content.number);
    expect(next.content.version).toEqual({
      number: 2,
      supersedes: {
        reportId: sealed.content.id,
        number: 'BI-2026-JD-0042',
        sealHash: FIXTURE_SEAL_HASH,
      },
    });
    expect('signatures' in next.content).toBe(false);
    const corrected = editReport(next, (c) => ({ ...c, recommendations: 'Corrigé.' }));
    const resealed = await sealReport(corrected, { ...sampleSignatures() }, SEALED_AT + 3_600_000);
    expect(resealed.seal.hash).not.toBe(FIXTURE_SEAL_HASH);
    expect((await verifySeal(received(resealed))).valid).toBe(true);
    // the original is untouched and still verifies
    expect(await verifySeal(received(sealed))).toEqual({ valid: true, hash: FIXTURE_SEAL_HASH });
  });
});

describe('verifySeal', () => {
  it('accepts a sealed report after a JSON round trip (as the server receives it)', async () => {
    expect(await verifySeal(received(await sealedSample()))).toEqual({
      valid: true,
      hash: FIXTURE_SEAL_HASH,
    });
  });

  it('detects a change made after sealing', async () => {
    const tampered = received(await sealedSample()) as {
      content: { billing: { totalHtCents: number; lines: Array<{ htCents: number }> } };
    };
    tampered.content.billing.lines[0]!.htCents -= 100;
    tampered.content.billing.totalHtCents -= 100;
    const result = await verifySeal(tampered);
    expect(result.valid).toBe(false);
  });

  it('detects a whitespace-only change that validation would trim away', async () => {
    const tampered = received(await sealedSample()) as { content: { clientRemarks: string } };
    tampered.content.clientRemarks = ` ${tampered.content.clientRemarks}`;
    expect(await verifySeal(tampered)).toMatchObject({ valid: false, failure: 'hash-mismatch' });
  });

  it('detects a replaced signature image and an added field', async () => {
    const swapped = received(await sealedSample()) as {
      content: {
        signatures: {
          client: { imagePngDataUrl: string };
          technician: { imagePngDataUrl: string };
        };
      };
    };
    swapped.content.signatures.client.imagePngDataUrl =
      swapped.content.signatures.technician.imagePngDataUrl;
    expect(await verifySeal(swapped)).toMatchObject({ valid: false, failure: 'hash-mismatch' });
    const extended = received(await sealedSample()) as { content: Record<string, unknown> };
    extended.content.discount = 5000;
    expect(await verifySeal(extended)).toMatchObject({ valid: false, failure: 'hash-mismatch' });
  });

  it('detects a seal dated before the signatures or signed by someone else', async () => {
    const early = received(await sealedSample()) as { seal: { sealedAt: number } };
    early.seal.sealedAt = SIGNED_AT - 1;
    expect(await verifySeal(early)).toMatchObject({
      valid: false,
      failure: 'sealed-before-signature',
    });
    const other = received(await sealedSample()) as { seal: { signer: { code: string } } };
    other.seal.signer.code = 'AB';
    expect(await verifySeal(other)).toMatchObject({ valid: false, failure: 'signer-mismatch' });
  });

  it('rejects what is not a sealed report', async () => {
    expect(await verifySeal(sampleDraft())).toMatchObject({
      valid: false,
      failure: 'invalid-report',
    });
    expect(await verifySeal(null)).toMatchObject({ valid: false, failure: 'invalid-report' });
  });
});
