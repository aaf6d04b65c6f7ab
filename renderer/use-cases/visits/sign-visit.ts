import { uuidv7 } from 'uuidv7';
import { z } from 'zod';
import {
  CLIENT_ABSENCE_REASONS,
  clientCopySchema,
  PHOTO_MEDIA_TYPES,
} from '../../../shared/report/model';
import type { ClientSignature, ReportPhoto } from '../../../shared/report/model';
import { buildReportContent, reportContentIssues } from '../../../shared/visit/build-report';
import { reportSourcesOf } from '../../../shared/visit/report-sources';
import type { VisitRecord } from '../../../shared/visit/visit-record';
import type { BordereauDb } from '../../db/database';
import { writeRollingBackup } from '../../db/rolling-backup';
import { getAttachment } from '../../db/repositories/attachments';
import { getProvider, getTechnicianProfile } from '../../db/repositories/profile';
import {
  createDraftReport,
  getReport,
  sealStoredReport,
  updateDraftReport,
} from '../../db/repositories/reports';
import type { StoredReport } from '../../db/repositories/reports';
import type { BlobFetcher } from '../../sync/blob-fetcher';
import type { DesktopDeps } from '../deps';
import { reportPdfBytes } from '../reports/report-pdf';
import { followSealing } from '../today/follow-sealing';
import { loadVisitContext } from './visit-context';

/** What the signature screen hands over: who signs (or why nobody does) and the copy. */
export const signVisitInputSchema = z.object({
  visitId: z.string().min(1, 'Intervention introuvable.'),
  client: z.discriminatedUnion('status', [
    z.object({
      status: z.literal('signed'),
      // First: an empty pad is what the screen says first.
      imagePngDataUrl: z
        .string({ error: 'Le client doit signer dans le cadre.' })
        .min(1, 'Le client doit signer dans le cadre.'),
      signerName: z
        .string({ error: 'Indiquez le nom du signataire.' })
        .trim()
        .min(1, 'Indiquez le nom du signataire.'),
      role: z.string().trim().default(''),
    }),
    z.object({
      status: z.literal('not-signed'),
      reason: z.enum(CLIENT_ABSENCE_REASONS, 'Motif d’absence de signature inconnu.'),
      note: z
        .string({ error: 'Décrivez les circonstances (obligatoire).' })
        .trim()
        .min(1, 'Décrivez les circonstances (obligatoire).'),
    }),
  ]),
  clientCopy: clientCopySchema,
});
export type SignVisitInput = z.input<typeof signVisitInputSchema>;

export interface SignVisitDeps extends DesktopDeps {
  /** Renders and keeps the sealed report's PDF (the real one by default). */
  readonly renderPdf?: (db: BordereauDb, report: StoredReport) => Promise<Uint8Array>;
  /** The copy on disk after a signature, not awaited (the real rolling backup by default). */
  readonly backup?: (deps: DesktopDeps) => Promise<void>;
  /** Where a photo missing here would come from (none needed: photos are checked first). */
  readonly fetchBlob?: BlobFetcher | null;
}

export interface SignedVisit {
  readonly report: StoredReport;
  /** The PDF could not be made now: the report is sealed anyway, its PDF is rebuilt on opening. */
  readonly pdfError: string | null;
}

/**
 * The client signs the bordereau: the visit's photos are checked, the report is built from
 * the visit as stored, numbered as a draft (or its draft updated), signed by the client (or
 * closed without them) and the technician, sealed, and its PDF kept; then a copy on disk.
 *
 * Nothing is half-written: every check runs before the first write; numbering stores the
 * draft and links it in one transaction (a number is never given twice, a retry reuses the
 * draft); sealing stores the sealed report and marks the visit signed in one transaction.
 * Only the PDF comes after the seal: it is rebuilt byte for byte from the sealed report.
 */
export async function signVisit(deps: SignVisitDeps, input: SignVisitInput): Promise<SignedVisit> {
  const valid = signVisitInputSchema.parse(input);
  const { db } = deps;
  const context = await loadVisitContext(db, valid.visitId);
  if (!context) throw new Error('Intervention introuvable sur ce poste.');
  const { visit } = context;
  if (visit.status === 'in-progress') throw new Error('Terminez d’abord la visite (minuteur).');
  if (visit.status === 'signed') throw new Error('Cette intervention est déjà signée.');
  const [profile, provider] = await Promise.all([getTechnicianProfile(db), getProvider(db)]);
  if (!profile)
    throw new Error('Enregistrez d’abord votre profil de technicien (nom, code, signature).');
  if (!provider) {
    throw new Error(
      'L’identité de la société (raison sociale, adresse, SIRET, TVA) n’est pas renseignée sur ce poste.',
    );
  }
  const signedAt = deps.clock.now();
  const client: ClientSignature =
    valid.client.status === 'signed'
      ? { ...valid.client, signedAt }
      : { ...valid.client, recordedAt: signedAt };

  const existing = visit.reportId ? await getReport(db, visit.reportId) : undefined;
  const draft = existing?.status === 'draft' ? existing : undefined;
  const sources = reportSourcesOf(context, {
    reportId: draft?.id ?? uuidv7(),
    issuedAt: signedAt,
    provider,
    technician: profile,
    photos: await photosOf(db, visit),
  });
  if (typeof sources === 'string') throw new Error(sources);
  const content = { ...buildReportContent(sources), clientCopy: valid.clientCopy };
  const issues = reportContentIssues(content);
  if (issues.length > 0) throw new Error(`Le bordereau est incomplet : ${issues.join(' ; ')}`);

  let draftId: string;
  if (draft) {
    const { id: _id, version: _version, ...rest } = content;
    draftId = (await updateDraftReport(db, draft.id, rest, signedAt)).id;
  } else {
    draftId = (
      await createDraftReport(
        db,
        { interventionId: visit.id, clientId: visit.clientId, content },
        signedAt,
      )
    ).id;
  }
  const report = await sealStoredReport(
    db,
    draftId,
    {
      client,
      technician: { name: profile.name, signedAt, imagePngDataUrl: profile.signaturePngDataUrl },
    },
    signedAt,
    // Its planned job, if any, follows in the same transaction (« Signée », « À poursuivre »).
    await followSealing({ db, clock: deps.clock }, valid.visitId),
  );

  let pdfError: string | null = null;
  try {
    await (deps.renderPdf ?? ((d, r) => reportPdfBytes(d, r, deps.fetchBlob)))(db, report);
  } catch (error) {
    pdfError = `Bordereau signé et scellé, mais son PDF n’a pas pu être produit (${
      error instanceof Error ? error.message : String(error)
    }) : il sera refait à l’ouverture du bordereau.`;
  }
  // A copy on disk with the signed report in it, not awaited: the client is waiting. Its
  // failure is recorded by the backup itself (shown on every screen), never the signature's.
  void (deps.backup ?? backupAfterSigning)(deps).catch((error: unknown) =>
    console.warn('Copie de sécurité non enregistrée :', error),
  );
  return { report, pdfError };
}

/**
 * The visit's photos as the report seals them: by the SHA-256 of their bytes (the
 * attachment's id). A photo whose file is missing on this laptop (a wiped database since it
 * was taken) stops the signature: a client never signs a report with an annex silently cut.
 */
async function photosOf(db: BordereauDb, visit: VisitRecord): Promise<ReportPhoto[]> {
  const photos: ReportPhoto[] = [];
  const missing: string[] = [];
  for (const [i, photo] of visit.photos.entries()) {
    const attachment = await getAttachment(db, photo.attachmentId);
    const mediaType = PHOTO_MEDIA_TYPES.find((t) => t === attachment?.mimeType);
    if (!attachment || !mediaType) {
      missing.push(`n° ${i + 1} (${photo.caption})`);
      continue;
    }
    photos.push({
      caption: photo.caption,
      takenAt: photo.takenAt,
      sha256: attachment.id,
      mediaType,
    });
  }
  if (missing.length > 0) {
    const many = missing.length > 1;
    throw new Error(
      `Fichier introuvable sur ce poste pour ${many ? 'les photos' : 'la photo'} ${missing.join(', ')} : retirez-${many ? 'les' : 'la'} de l’intervention ou reprenez-${many ? 'les' : 'la'} avant de signer.`,
    );
  }
  return photos;
}

async function backupAfterSigning(deps: DesktopDeps): Promise<void> {
  try {
    const info = await deps.desktop.appInfo();
    const version = info.ok ? info.value.version : (import.meta.env.VITE_APP_VERSION ?? '0.0.0');
    const outcome = await writeRollingBackup(
      deps.db,
      deps.desktop,
      version,
      'apres-signature',
      deps.clock.now(),
    );
    if (outcome.kind === 'failed')
      console.warn('Copie de sécurité non enregistrée :', outcome.message);
  } catch (error) {
    console.warn('Copie de sécurité non enregistrée :', error);
  }
}
