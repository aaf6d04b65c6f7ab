import { useLiveQuery } from 'dexie-react-hooks';
import { useRef, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { uuidv7 } from 'uuidv7';
import { formatDateTime } from '../../../shared/format/date';
import { formatDuration } from '../../../shared/format/duration';
import { formatMoney, formatPercentBasisPoints } from '../../../shared/format/money';
import { CLIENT_ABSENCE_LABELS } from '../../../shared/report/labels';
import type {
  ClientAbsenceReason,
  ClientSignature,
  ReportPhoto,
} from '../../../shared/report/model';
import { PHOTO_MEDIA_TYPES } from '../../../shared/report/model';
import { getDb } from '../../db/database';
import { writeRollingBackup } from '../../db/rolling-backup';
import { desktop } from '../../platform/desktop';
import type { BordereauDb } from '../../db/database';
import { getAttachment } from '../../db/repositories/attachments';
import { getProvider, getTechnicianProfile } from '../../db/repositories/profile';
import {
  createDraftReport,
  getReport,
  sealStoredReport,
  updateDraftReport,
} from '../../db/repositories/reports';
import { followSealing } from '../../use-cases/today/follow-sealing';
import { SignaturePadField } from '../signature/SignaturePadField';
import type { SignaturePadHandle } from '../signature/SignaturePadField';
import { buildReportContent, reportContentIssues } from './build-report';
import type { ReportSources } from './build-report';
import { clock } from './clock';
import { reportPdfBytes } from './report-pdf';
import { ClientCopyFields, clientCopyOf } from './ClientCopyFields';
import type { ClientCopyDraft } from './ClientCopyFields';
import { TechnicianProfileForm } from './TechnicianProfileForm';
import type { VisitContext } from './useVisitContext';
import { useVisitContext } from './useVisitContext';
import { priceVisit } from './visit-pricing';
import { visitSla } from './visit-sla';
import type { VisitRecord } from './visit-record';

type SignMode = 'signed' | ClientAbsenceReason;

async function backupAfterSigning(db: BordereauDb): Promise<void> {
  try {
    const info = await desktop.appInfo();
    const version = info.ok ? info.value.version : (import.meta.env.VITE_APP_VERSION ?? '0.0.0');
    const outcome = await writeRollingBackup(db, desktop, version, 'apres-signature');
    if (outcome.kind === 'failed')
      console.warn('Copie de sécurité non enregistrée :', outcome.message);
  } catch (error) {
    console.warn('Copie de sécurité non enregistrée :', error);
  }
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
    throw new Error(
      `Fichier introuvable sur ce poste pour ${missing.length > 1 ? 'les photos' : 'la photo'} ${missing.join(', ')} : retirez-${missing.length > 1 ? 'les' : 'la'} de l’intervention ou reprenez-${missing.length > 1 ? 'les' : 'la'} avant de signer.`,
    );
  }
  return photos;
}

/** Sources of the report, or the French reason they are incomplete. */
function sourcesOf(
  context: VisitContext,
  extra: Pick<ReportSources, 'reportId' | 'issuedAt' | 'provider' | 'technician' | 'photos'>,
): ReportSources | string {
  const { visit, client, site, contract } = context;
  if (!client || !site || !contract) return 'Client, site ou contrat introuvable sur ce poste.';
  const picked = new Set(visit.work.equipment.map((e) => e.equipmentId));
  const equipment = context.equipment.filter((e) => picked.has(e.id));
  let pricing: ReturnType<typeof priceVisit>;
  try {
    pricing = priceVisit({
      visit,
      contract,
      now: extra.issuedAt,
      sitePostcode: site.postcode,
      equipmentCovered: equipment.every((e) => e.covered),
      otherVisits: context.otherVisits,
      coveredEquipmentIds: new Set(context.equipment.filter((e) => e.covered).map((e) => e.id)),
      siteOpeningHours: site.openingHours,
    });
  } catch (e) {
    // A contract the engine cannot price (no VAT rate that day…) or an impossible timer log.
    return e instanceof Error ? e.message : 'Prix impossible à calculer.';
  }
  const sla = visitSla(visit, contract, site, equipment, pricing.timeline.arrival);
  return {
    ...extra,
    sla:
      sla && sla.met !== null
        ? {
            requestedAt: visit.header.requestedAt ?? 0,
            workingMinutes: sla.workingMinutes,
            deadlineAt: sla.deadline,
            met: sla.met,
          }
        : null,
    visit,
    pricing,
    client,
    site,
    contract,
    equipment,
  };
}

/**
 * Signing: the client first sees a summary (times, billed time, amounts), then signs with
 * their name and role — or the report is closed without them, with the reason. The
 * technician's saved signature is added and the report is sealed; nothing can change after.
 */
export function SignPage() {
  const { visitId } = useParams();
  const navigate = useNavigate();
  const db = getDb();
  const context = useVisitContext(visitId);
  const identity = useLiveQuery(
    async () => ({ profile: await getTechnicianProfile(db), provider: await getProvider(db) }),
    [db],
  );
  const [mode, setMode] = useState<SignMode>('signed');
  const [signer, setSigner] = useState<{ name: string; role: string } | null>(null);
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [copy, setCopy] = useState<ClientCopyDraft>({ methods: ['printed'], emails: '' });
  const pad = useRef<SignaturePadHandle>(null);

  if (context === undefined || identity === undefined) return <p>Chargement…</p>;
  if (context === null) return <p role="alert">Intervention introuvable.</p>;
  const { visit } = context;
  if (visit.status === 'signed' && visit.reportId) {
    return (
      <p role="status">
        Cette intervention est déjà signée.{' '}
        <Link to={`/bordereaux/${visit.reportId}`}>Voir le bordereau</Link>
      </p>
    );
  }
  if (visit.status === 'in-progress') {
    return (
      <p role="alert">
        Terminez d’abord la visite (minuteur).{' '}
        <Link to={`/interventions/${visit.id}`}>Retour à l’intervention</Link>
      </p>
    );
  }
  const { profile, provider } = identity;
  if (!profile) {
    return (
      <section>
        <h1>Signature</h1>
        <p>
          Avant la première signature, enregistrez votre profil : il sera repris sur chaque
          bordereau.
        </p>
        <TechnicianProfileForm current={null} />
      </section>
    );
  }
  if (!provider) {
    return (
      <section>
        <h1>Signature</h1>
        <p role="alert">
          L’identité de la société (raison sociale, adresse, SIRET, TVA, logo) n’est pas renseignée
          sur ce poste. <Link to="/parametres">Renseignez-la dans les paramètres</Link>.
        </p>
      </section>
    );
  }

  const now = clock.now();
  const previewSources = sourcesOf(context, {
    reportId: visit.reportId ?? uuidv7(),
    issuedAt: now,
    provider,
    technician: profile,
    photos: [],
  });
  if (typeof previewSources === 'string') return <p role="alert">{previewSources}</p>;
  const preview = buildReportContent(previewSources);
  const issues = reportContentIssues(preview);
  const { timeline } = preview;
  const representative = visit.header.representative;
  const signerValue = signer ?? {
    name: representative?.name ?? '',
    role: representative?.role ?? '',
  };

  const sign = async () => {
    setError(null);
    const signedAt = clock.now();
    let client: ClientSignature;
    if (mode === 'signed') {
      const image = pad.current?.toPng();
      if (!image) return setError('Le client doit signer dans le cadre.');
      if (!signerValue.name.trim()) return setError('Indiquez le nom du signataire.');
      client = {
        status: 'signed',
        signerName: signerValue.name,
        role: signerValue.role,
        signedAt,
        imagePngDataUrl: image,
      };
    } else {
      if (!note.trim()) return setError('Décrivez les circonstances (obligatoire).');
      client = { status: 'not-signed', reason: mode, note, recordedAt: signedAt };
    }
    const clientCopy = clientCopyOf(copy);
    if (typeof clientCopy === 'string') return setError(clientCopy);
    setBusy(true);
    try {
      const existing = visit.reportId ? await getReport(db, visit.reportId) : undefined;
      const reportId = existing?.status === 'draft' ? existing.id : uuidv7();
      const sources = sourcesOf(context, {
        reportId,
        issuedAt: signedAt,
        provider,
        technician: profile,
        photos: await photosOf(db, visit),
      });
      if (typeof sources === 'string') throw new Error(sources);
      const content = { ...buildReportContent(sources), clientCopy };
      let draftId: string;
      if (existing?.status === 'draft') {
        const { id: _id, version: _version, ...rest } = content;
        draftId = (await updateDraftReport(db, existing.id, rest, signedAt)).id;
      } else {
        draftId = (
          await createDraftReport(
            db,
            { interventionId: visit.id, clientId: visit.clientId, content },
            signedAt,
          )
        ).id;
      }
      const sealed = await sealStoredReport(
        db,
        draftId,
        {
          client,
          technician: {
            name: profile.name,
            signedAt,
            imagePngDataUrl: profile.signaturePngDataUrl,
          },
        },
        signedAt,
        await followSealing({ db, clock }, visit.id), // its planned job follows, same transaction
      );
      await reportPdfBytes(db, sealed);
      // A copy on disk with the signed report in it, not awaited: the client is waiting.
      void backupAfterSigning(db);
      navigate(`/bordereaux/${sealed.id}`);
    } catch (e) {
      const issuesOf = (e as { issues?: { message: string }[] }).issues;
      setError(
        issuesOf?.[0]?.message ?? (e instanceof Error ? e.message : 'Signature impossible.'),
      );
    } finally {
      setBusy(false);
    }
  };

  return (
    <section>
      <h1>Signature du bordereau</h1>
      <section className="panel" aria-labelledby="summary-title">
        <h2 id="summary-title">Récapitulatif pour le client</h2>
        <dl className="facts">
          <dt>Client</dt>
          <dd>{preview.client.name}</dd>
          <dt>Arrivée</dt>
          <dd>{formatDateTime(timeline.arrivalAt)}</dd>
          <dt>Départ</dt>
          <dd>{formatDateTime(timeline.departureAt)}</dd>
          <dt>Pauses</dt>
          <dd>
            {timeline.pauses.length === 0
              ? 'Aucune'
              : timeline.pauses
                  .map((p) => `${formatDateTime(p.startAt)} → ${formatDateTime(p.endAt)}`)
                  .join(' ; ')}
          </dd>
          {timeline.corrections.map((c, i) => (
            <FactPair
              key={i}
              term="Horaire corrigé"
              value={`${formatDateTime(c.originalAt)} → ${formatDateTime(c.correctedAt)} (${c.reason})`}
            />
          ))}
          <dt>Temps travaillé</dt>
          <dd data-testid="summary-worked">{formatDuration(timeline.workedMinutes)}</dd>
          <dt>Temps facturé</dt>
          <dd data-testid="summary-billed">
            {formatDuration(timeline.billedMinutes)} — {timeline.ladderStepLabel}
          </dd>
        </dl>
        {preview.billing.kind === 'included' ? (
          <p>
            Visite incluse dans l’abonnement : {preview.billing.subscriptionLabel}. Montant facturé
            : 0 €.
          </p>
        ) : (
          <table>
            <thead>
              <tr>
                <th>Prestation</th>
                <th>Montant HT</th>
              </tr>
            </thead>
            <tbody>
              {preview.billing.lines.map((line, i) => (
                <tr key={i}>
                  <td>
                    {line.label}
                    {line.detail && (
                      <>
                        <br />
                        <small className="muted">{line.detail}</small>
                      </>
                    )}
                  </td>
                  <td>{formatMoney(line.htCents)}</td>
                </tr>
              ))}
              <tr>
                <th>Total HT</th>
                <td data-testid="summary-ht">{formatMoney(preview.billing.totalHtCents)}</td>
              </tr>
              <tr>
                <th>TVA {formatPercentBasisPoints(preview.billing.vatRateBasisPoints)}</th>
                <td>{formatMoney(preview.billing.vatCents)}</td>
              </tr>
              <tr>
                <th>Total TTC</th>
                <td data-testid="summary-ttc">{formatMoney(preview.billing.totalTtcCents)}</td>
              </tr>
            </tbody>
          </table>
        )}
      </section>

      {issues.length > 0 ? (
        <section className="error-panel" role="alert">
          <p>Le bordereau est incomplet :</p>
          <ul>
            {[...new Set(issues)].map((issue) => (
              <li key={issue}>{issue}</li>
            ))}
          </ul>
          <Link to={`/interventions/${visit.id}`}>Compléter l’intervention</Link>
        </section>
      ) : (
        <form
          className="panel"
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            void sign();
          }}
        >
          <fieldset>
            <legend>Signature du client</legend>
            {(['signed', 'absent', 'refused'] as const).map((m) => (
              <label key={m} className="check">
                <input
                  type="radio"
                  name="sign-mode"
                  value={m}
                  checked={mode === m}
                  onChange={() => setMode(m)}
                />
                {m === 'signed' ? 'Le client signe' : CLIENT_ABSENCE_LABELS[m]}
              </label>
            ))}
          </fieldset>
          {mode === 'signed' ? (
            <>
              <div className="grid-4">
                <label className="field">
                  Nom du signataire
                  <input
                    value={signerValue.name}
                    onChange={(e) => setSigner({ ...signerValue, name: e.target.value })}
                    required
                  />
                </label>
                <label className="field">
                  Fonction du signataire
                  <input
                    value={signerValue.role}
                    onChange={(e) => setSigner({ ...signerValue, role: e.target.value })}
                  />
                </label>
              </div>
              <SignaturePadField label="Signature du client" handle={pad} />
            </>
          ) : (
            <label className="field">
              Circonstances (obligatoire)
              <textarea rows={2} value={note} onChange={(e) => setNote(e.target.value)} required />
            </label>
          )}
          <ClientCopyFields value={copy} onChange={setCopy} />
          <p className="muted">
            Signé aussi par {profile.name} ({profile.code}) avec la signature enregistrée dans son
            profil.
          </p>
          <button type="submit" className="primary" disabled={busy}>
            {mode === 'signed'
              ? 'Signer et sceller le bordereau'
              : 'Clore sans signature du client'}
          </button>
          {error && (
            <p className="field-error" role="alert">
              {error}
            </p>
          )}
        </form>
      )}
    </section>
  );
}

function FactPair({ term, value }: { term: string; value: string }) {
  return (
    <>
      <dt>{term}</dt>
      <dd>{value}</dd>
    </>
  );
}
