import { useRef, useState } from 'react';
import { Controller, useForm, useWatch } from 'react-hook-form';
import { Link, useNavigate, useParams } from 'react-router';
import { uuidv7 } from 'uuidv7';
import { CLIENT_ABSENCE_LABELS } from '../../../shared/report/labels';
import type { ClientAbsenceReason } from '../../../shared/report/model';
import { buildReportContent, reportContentIssues } from '../../../shared/visit/build-report';
import { reportSourcesOf } from '../../../shared/visit/report-sources';
import { appDeps } from '../../use-cases/deps';
import { signVisit } from '../../use-cases/visits/sign-visit';
import type { SignVisitInput } from '../../use-cases/visits/sign-visit';
import { useSignerIdentity } from '../../use-cases/visits/use-signer-identity';
import { FormError } from '../../ui/FormError';
import { userMessage } from '../../ui/user-message';
import { SignaturePadField } from '../signature';
import type { SignaturePadHandle } from '../signature';
import { clock } from './clock';
import { useCopyRecipients } from '../../use-cases/visits/copy-recipients';
import { ClientCopyFields, clientCopyOf } from './ClientCopyFields';
import type { ClientCopyDraft } from './ClientCopyFields';
import { TechnicianProfileForm } from './TechnicianProfileForm';
import { SignSummary } from './SignSummary';
import { useVisitContext } from './useVisitContext';

type SignMode = 'signed' | ClientAbsenceReason;

/**
 * Signing: the client first sees a summary (times, billed time, amounts), then signs with
 * their name and role — or the report is closed without them, with the reason. The
 * technician's saved signature is added and the report is sealed; nothing can change after.
 */
export function SignPage() {
  const { visitId } = useParams();
  const context = useVisitContext(visitId);
  const contractRecipients = useCopyRecipients(context?.visit.clientId, context?.contract);
  const identity = useSignerIdentity();

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
  const previewSources = reportSourcesOf(context, {
    reportId: visit.reportId ?? uuidv7(),
    issuedAt: now,
    provider,
    technician: profile,
    photos: [],
  });
  if (typeof previewSources === 'string') return <p role="alert">{previewSources}</p>;
  const preview = buildReportContent(previewSources);
  const issues = reportContentIssues(preview);
  return (
    <section>
      <h1>Signature du bordereau</h1>
      <SignSummary preview={preview} />

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
        <SignForm
          visitId={visit.id}
          representative={visit.header.representative}
          technician={profile}
          contractRecipients={contractRecipients ?? []}
        />
      )}
    </section>
  );
}

interface SignFormValues {
  mode: SignMode;
  signerName: string;
  signerRole: string;
  note: string;
  copy: ClientCopyDraft;
}

/**
 * Who signs for the client (the representative present by default), their signature or why
 * there is none, and how the client's copy is handed over; "Signer" seals (signVisit).
 */
function SignForm({
  visitId,
  representative,
  technician,
  contractRecipients,
}: {
  visitId: string;
  representative: { name: string; role: string } | null;
  technician: { name: string; code: string };
  contractRecipients: readonly string[];
}) {
  const navigate = useNavigate();
  const { register, control, handleSubmit, formState } = useForm<SignFormValues>({
    defaultValues: {
      mode: 'signed',
      signerName: representative?.name ?? '',
      signerRole: representative?.role ?? '',
      note: '',
      copy: { methods: ['printed'], emails: '' },
    },
  });
  const mode = useWatch({ control, name: 'mode' });
  const [error, setError] = useState<string | null>(null);
  const pad = useRef<SignaturePadHandle>(null);

  // What is sealed is checked by the report's schema inside signVisit, with its messages.
  // Submitted from the event handler: it reads the signature pad's ref.
  const sign = async (values: SignFormValues) => {
    setError(null);
    const clientCopy = clientCopyOf(values.copy);
    if (typeof clientCopy === 'string') return setError(clientCopy);
    const client: SignVisitInput['client'] =
      values.mode === 'signed'
        ? {
            status: 'signed',
            imagePngDataUrl: pad.current?.toPng() ?? '',
            signerName: values.signerName,
            role: values.signerRole,
          }
        : { status: 'not-signed', reason: values.mode, note: values.note };
    try {
      const { report, pdfError } = await signVisit(appDeps(), { visitId, client, clientCopy });
      // The report is sealed either way; a PDF that could not be made is rebuilt on opening.
      if (pdfError) console.warn(pdfError);
      navigate(`/bordereaux/${report.id}`);
    } catch (e) {
      setError(userMessage(e, 'Signature impossible.'));
    }
  };

  return (
    <form className="panel" noValidate onSubmit={(e) => void handleSubmit(sign)(e)}>
      <fieldset>
        <legend>Signature du client</legend>
        {(['signed', 'absent', 'refused'] as const).map((m) => (
          <label key={m} className="check">
            <input type="radio" value={m} {...register('mode')} />
            {m === 'signed' ? 'Le client signe' : CLIENT_ABSENCE_LABELS[m]}
          </label>
        ))}
      </fieldset>
      {mode === 'signed' ? (
        <>
          <div className="grid-4">
            <label className="field">
              Nom du signataire
              <input {...register('signerName')} required />
            </label>
            <label className="field">
              Fonction du signataire
              <input {...register('signerRole')} />
            </label>
          </div>
          <SignaturePadField label="Signature du client" handle={pad} />
        </>
      ) : (
        <label className="field">
          Circonstances (obligatoire)
          <textarea rows={2} {...register('note')} required />
        </label>
      )}
      <Controller
        control={control}
        name="copy"
        render={({ field }) => (
          <ClientCopyFields
            value={field.value}
            onChange={field.onChange}
            contractRecipients={contractRecipients}
          />
        )}
      />
      <p className="muted">
        Signé aussi par {technician.name} ({technician.code}) avec la signature enregistrée dans son
        profil.
      </p>
      <button type="submit" className="primary" disabled={formState.isSubmitting}>
        {mode === 'signed' ? 'Signer et sceller le bordereau' : 'Clore sans signature du client'}
      </button>
      <FormError message={error} />
    </form>
  );
}
