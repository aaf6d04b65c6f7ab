import { useState } from 'react';
import { Link } from 'react-router';
import { formatDate } from '../../../shared/format/date';
import { reportClosureLabel } from '../../../shared/report/status';
import { appDeps } from '../../use-cases/deps';
import { saveReport } from '../../use-cases/reports/report-files';
import { useClientReports } from '../../use-cases/reports/use-report';
import type { StoredReport } from '../../use-cases/reports/use-report';
import { userMessage } from '../../ui/user-message';

/** The client's bordereaux, for the client page: status as issued, PDF reopenable offline. */
export function ClientReports({ clientId }: { clientId: string }) {
  const reports = useClientReports(clientId);
  const [error, setError] = useState<string | null>(null);
  if (!reports) return null;
  const open = async (stored: StoredReport) => {
    try {
      setError(null);
      await saveReport(appDeps(), stored);
    } catch (e) {
      setError(userMessage(e, 'PDF indisponible.'));
    }
  };
  return (
    <section aria-labelledby="client-reports-title">
      <h2 id="client-reports-title">Bordereaux</h2>
      {reports.length === 0 ? (
        <p className="muted">Aucun bordereau pour ce client.</p>
      ) : (
        <ul>
          {reports.map((r) => (
            <li key={r.id}>
              <Link to={`/bordereaux/${r.id}`}>{r.content.number}</Link> — v
              {r.content.version.number} — {formatDate(r.content.issuedAt)} —{' '}
              {reportClosureLabel(r)}{' '}
              {r.status === 'sealed' && (
                <button type="button" onClick={() => void open(r)}>
                  PDF
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      {error && <p className="field-error">{error}</p>}
    </section>
  );
}
