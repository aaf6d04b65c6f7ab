import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { formatDateTime } from '../../../shared/format/date';
import { formatDuration } from '../../../shared/format/duration';
import { formatMoney } from '../../../shared/format/money';
import { reportClosure, reportClosureLabel } from '../../../shared/report/status';
import { reportOf } from '../../../shared/sync/report-record';
import { appDeps } from '../../use-cases/deps';
import { correctReport } from '../../use-cases/reports/correct-report';
import {
  canOpenSavedPdf,
  openSavedPdf,
  printReport,
  saveReport,
} from '../../use-cases/reports/report-files';
import { useReport } from '../../use-cases/reports/use-report';
import { userMessage } from '../../ui/user-message';
import { ReportDeliveries } from '../office';
import { clientCopyText } from '../../../shared/report/pdf/section-notices';
import { FormError } from '../../ui/FormError';

/** A bordereau as issued: read-only, its PDF saved or reopened, a correction is a new version. */
export function ReportPage() {
  const { reportId } = useParams();
  const navigate = useNavigate();
  const data = useReport(reportId);
  const [message, setMessage] = useState<string | null>(null);
  const [savedPath, setSavedPath] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  if (data === undefined) return <p>Chargement…</p>;
  if (data === null) return <p role="alert">Bordereau introuvable.</p>;
  const { stored, versions, office } = data;
  const report = reportOf(stored);
  const { content } = report;
  const closure = reportClosure(report);
  const newer = versions.find((v) => v.content.version.number > content.version.number);

  const savePdf = async () => {
    setError(null);
    try {
      const path = await saveReport(appDeps(), stored);
      setMessage(path ? `PDF enregistré : ${path}` : 'Enregistrement annulé.');
      setSavedPath(path);
    } catch (e) {
      setError(userMessage(e, 'PDF non enregistré.'));
    }
  };
  const print = async () => {
    setError(null);
    try {
      setMessage(await printReport(appDeps(), stored));
    } catch (e) {
      setError(userMessage(e, 'Impression impossible.'));
    }
  };
  const correct = async () => {
    try {
      await correctReport(appDeps(), { reportId: stored.id });
      navigate(`/interventions/${stored.interventionId}`);
    } catch (e) {
      setError(userMessage(e, 'Nouvelle version impossible.'));
    }
  };

  return (
    <section>
      <h1>
        Bordereau {content.number}
        {content.version.number > 1 ? ` (version ${content.version.number})` : ''}
      </h1>
      <p className={`panel closure closure-${closure}`} data-testid="report-status" role="status">
        {reportClosureLabel(report)}
        {report.status === 'sealed' && ' · verrouillé, non modifiable'}
      </p>
      <dl className="facts panel">
        <dt>Client</dt>
        <dd>{content.client.name}</dd>
        <dt>Site</dt>
        <dd>{content.site.name}</dd>
        <dt>Arrivée / départ</dt>
        <dd>
          {formatDateTime(content.timeline.arrivalAt)} →{' '}
          {formatDateTime(content.timeline.departureAt)}
        </dd>
        <dt>Temps travaillé</dt>
        <dd>{formatDuration(content.timeline.workedMinutes)}</dd>
        <dt>Temps facturé</dt>
        <dd>
          {formatDuration(content.timeline.billedMinutes)} — {content.timeline.ladderStepLabel}
        </dd>
        <dt>Montant</dt>
        <dd>
          {content.billing.kind === 'billed'
            ? `${formatMoney(content.billing.totalHtCents)} HT · ${formatMoney(content.billing.totalTtcCents)} TTC`
            : 'Inclus dans l’abonnement'}
        </dd>
        {report.status === 'sealed' && (
          <>
            <dt>Client</dt>
            <dd>
              {report.content.signatures.client.status === 'signed'
                ? `Signé par ${report.content.signatures.client.signerName}${report.content.signatures.client.role ? ` (${report.content.signatures.client.role})` : ''}`
                : `Non signé : ${report.content.signatures.client.note}`}
            </dd>
            <dt>Scellé le</dt>
            <dd>{formatDateTime(report.seal.sealedAt)}</dd>
            <dt>Empreinte SHA-256</dt>
            <dd className="hash" data-testid="seal-hash">
              {report.seal.hash}
            </dd>
          </>
        )}
        {content.clientCopy && (
          <>
            <dt>Exemplaire du client</dt>
            <dd data-testid="client-copy">{clientCopyText(report)}</dd>
          </>
        )}
        {content.version.supersedes && (
          <>
            <dt>Remplace</dt>
            <dd>
              <Link to={`/bordereaux/${content.version.supersedes.reportId}`}>
                la version signée {content.version.supersedes.sealHash.slice(0, 12)}…
              </Link>
            </dd>
          </>
        )}
      </dl>
      <div className="row">
        <button type="button" className="primary" onClick={() => void savePdf()}>
          {report.status === 'sealed' ? 'Enregistrer le PDF' : 'Aperçu PDF (brouillon)'}
        </button>
        {report.status === 'sealed' && (
          <button type="button" onClick={() => void print()}>
            Imprimer l’exemplaire du client
          </button>
        )}
        <Link className="button" to={`/interventions/${stored.interventionId}`}>
          Voir l’intervention
        </Link>
        {report.status === 'sealed' && !newer && (
          <button type="button" onClick={() => void correct()}>
            Corriger (nouvelle version)
          </button>
        )}
        {newer && (
          <Link className="button" to={`/bordereaux/${newer.id}`}>
            Voir la version {newer.content.version.number}
          </Link>
        )}
      </div>
      {report.status === 'sealed' && office && <ReportDeliveries reportId={stored.id} />}
      {message && <p role="status">{message}</p>}
      {savedPath && canOpenSavedPdf && (
        <button
          type="button"
          onClick={() =>
            void openSavedPdf(appDeps(), savedPath).catch((e: unknown) =>
              setError(userMessage(e, 'PDF impossible à ouvrir.')),
            )
          }
        >
          Ouvrir le PDF
        </button>
      )}
      <FormError message={error} />
    </section>
  );
}
