import type { z } from 'zod';
import { canonicalJson } from './canonical-json';
import { deepFreeze } from './deep-freeze';
import {
  reportContentSchema,
  reportSignaturesSchema,
  SEAL_ALGORITHM,
  sealedReportSchema,
  signedReportContentSchema,
} from './model';
import type { DraftReport, Report, ReportContent, ReportSignatures, SealedReport } from './model';

/**
 * Sealing a bordereau (domain-rules.md §5: once signed, a report is immutable).
 *
 * Inside the hash — `computeSealHash(sealed.content)`, i.e. SHA-256 over the UTF-8 bytes of
 * `canonicalJson(sealed.content)`:
 *   every field of the report (id, number, version and the sealed version it supersedes,
 *   provider identity and logo, client, site, timeline with corrections, equipment, work,
 *   parts, result, billing, remarks, photos by the SHA-256 of their bytes) and `signatures`: the client's
 *   signature image, name, role and time — or the reason they did not sign and when that
 *   was recorded — and the technician's signature image, name and time.
 * Outside the hash (`sealed.seal`): the hash itself, the algorithm name, the instant the seal
 *   was computed (never before the signatures, which are inside) and the sealing technician
 *   (who must be the one named in the content). The PDF is not hashed: it is a rendering of
 *   the sealed content and prints the hash, so any copy can be checked against the record.
 *
 * The office server recomputes `computeSealHash(report.content)` (or calls `verifySeal`) on
 * every report it receives.
 */

export { canonicalJson } from './canonical-json';

/** Thrown for any attempt to change a sealed report; a change is a new version (`newVersionOf`). */
export class SealedReportError extends Error {
  override readonly name = 'SealedReportError';
  readonly code = 'report-sealed';
  constructor(
    readonly reportId: string,
    readonly reportNumber: string,
    readonly sealHash: string,
  ) {
    super(
      `Le bordereau ${reportNumber} est signé et scellé : il ne peut plus être modifié. ` +
        'Créez une nouvelle version.',
    );
  }
}

/** A report that does not satisfy the model; `issues` are zod's, with French messages. */
export class ReportValidationError extends Error {
  override readonly name = 'ReportValidationError';
  readonly code = 'report-invalid';
  constructor(readonly issues: readonly z.core.$ZodIssue[]) {
    const first = issues[0];
    const where = first && first.path.length > 0 ? ` (${first.path.join('.')})` : '';
    super(`Bordereau invalide : ${first?.message ?? 'contenu non conforme'}${where}.`);
  }
}

/**
 * A deep copy of report data, so an edit callback or a new version never shares objects with
 * (frozen) originals. Reports are plain JSON data; canonicalJson refuses anything else.
 */
function copyOf<T>(value: T): T {
  return JSON.parse(canonicalJson(value)) as T;
}

function toHex(buffer: ArrayBuffer): string {
  return Array.from(new Uint8Array(buffer), (byte) => byte.toString(16).padStart(2, '0')).join('');
}

/** Lowercase hex SHA-256 of the UTF-8 bytes of `canonicalJson(content)` (WebCrypto). */
export async function computeSealHash(content: unknown): Promise<string> {
  const bytes = new TextEncoder().encode(canonicalJson(content));
  return toHex(await crypto.subtle.digest('SHA-256', bytes));
}

export function assertEditable(report: Report): asserts report is DraftReport {
  if (report.status !== 'draft') {
    throw new SealedReportError(report.content.id, report.content.number, report.seal.hash);
  }
}

/**
 * Applies `edit` to a draft's content and returns the new draft, validated. Refuses sealed
 * reports, and edits that change the report's identity (id, number, version).
 */
export function editReport(
  report: Report,
  edit: (content: ReportContent) => ReportContent,
): DraftReport {
  assertEditable(report);
  const edited = edit(copyOf(report.content));
  const parsed = reportContentSchema.safeParse(edited);
  if (!parsed.success) throw new ReportValidationError(parsed.error.issues);
  const before = report.content;
  if (
    parsed.data.id !== before.id ||
    parsed.data.number !== before.number ||
    canonicalJson(parsed.data.version) !== canonicalJson(before.version)
  ) {
    throw new ReportValidationError([
      {
        code: 'custom',
        path: ['id'],
        message: 'L’identifiant, le numéro et la version d’un bordereau ne se modifient pas',
        input: edited,
      },
    ]);
  }
  return { status: 'draft', content: parsed.data };
}

/**
 * Signs and seals a draft: validates the content with the signatures, hashes it and returns
 * the sealed report, deep-frozen. `now` (ms) is the sealing instant; it may not precede a
 * signature.
 */
export async function sealReport(
  draft: Report,
  signatures: ReportSignatures,
  now: number,
): Promise<SealedReport> {
  assertEditable(draft);
  const signaturesParsed = reportSignaturesSchema.safeParse(signatures);
  if (!signaturesParsed.success) throw new ReportValidationError(signaturesParsed.error.issues);
  const parsed = signedReportContentSchema.safeParse({
    ...draft.content,
    signatures: signaturesParsed.data,
  });
  if (!parsed.success) throw new ReportValidationError(parsed.error.issues);
  const content = parsed.data;
  const latestSignature = Math.max(...signatureInstants(content.signatures));
  if (!Number.isInteger(now) || now < latestSignature) {
    throw new ReportValidationError([
      {
        code: 'custom',
        path: ['seal', 'sealedAt'],
        message: 'Le scellement ne peut précéder les signatures',
        input: now,
      },
    ]);
  }
  const sealed: SealedReport = {
    status: 'sealed',
    content,
    seal: {
      hash: await computeSealHash(content),
      algorithm: SEAL_ALGORITHM,
      sealedAt: now,
      signer: { name: content.technician.name, code: content.technician.code },
    },
  };
  return deepFreeze(sealed);
}

function signatureInstants(signatures: ReportSignatures): number[] {
  const client =
    signatures.client.status === 'signed'
      ? signatures.client.signedAt
      : signatures.client.recordedAt;
  return [client, signatures.technician.signedAt];
}

export type SealFailure =
  'invalid-report' | 'hash-mismatch' | 'signer-mismatch' | 'sealed-before-signature';

export type SealVerification =
  | { readonly valid: true; readonly hash: string }
  | { readonly valid: false; readonly failure: SealFailure; readonly message: string };

/**
 * Checks a sealed report as received (any JSON value): its shape, that the stored hash is the
 * hash of its content, that the signer is the technician named inside, and that the seal
 * does not predate the signatures.
 */
export async function verifySeal(report: unknown): Promise<SealVerification> {
  const parsed = sealedReportSchema.safeParse(report);
  if (!parsed.success) {
    return {
      valid: false,
      failure: 'invalid-report',
      message: new ReportValidationError(parsed.error.issues).message,
    };
  }
  const { content, seal } = parsed.data;
  // The hash is recomputed over the record as received, not over zod's output: parsing trims
  // strings, which must not let a tampered " value" pass as "value".
  const received = (report as { content: unknown }).content;
  const hash = await computeSealHash(received);
  if (hash !== seal.hash) {
    return {
      valid: false,
      failure: 'hash-mismatch',
      message:
        'L’empreinte ne correspond pas au contenu : le bordereau a été modifié après signature.',
    };
  }
  if (
    seal.signer.name !== content.technician.name ||
    seal.signer.code !== content.technician.code
  ) {
    return {
      valid: false,
      failure: 'signer-mismatch',
      message: 'Le signataire du sceau n’est pas le technicien du bordereau.',
    };
  }
  if (seal.sealedAt < Math.max(...signatureInstants(content.signatures))) {
    return {
      valid: false,
      failure: 'sealed-before-signature',
      message: 'Le sceau est antérieur aux signatures.',
    };
  }
  return { valid: true, hash };
}

/**
 * A new draft correcting a sealed report: same number, next version, referencing the sealed
 * one by id, number and seal hash. Signatures are not carried over (the new version must be
 * signed again). `id` is the new version's UUIDv7, `now` its issue instant.
 */
export function newVersionOf(
  sealed: SealedReport,
  next: { readonly id: string; readonly now: number },
): DraftReport {
  const { signatures: _signatures, ...content } = copyOf(sealed.content);
  const draft = {
    ...content,
    id: next.id,
    issuedAt: next.now,
    version: {
      number: sealed.content.version.number + 1,
      supersedes: {
        reportId: sealed.content.id,
        number: sealed.content.number,
        sealHash: sealed.seal.hash,
      },
    },
  };
  const parsed = reportContentSchema.safeParse(draft);
  if (!parsed.success) throw new ReportValidationError(parsed.error.issues);
  return { status: 'draft', content: parsed.data };
}
