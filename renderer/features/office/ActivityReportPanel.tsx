import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { monthBounds } from '../../../shared/report/activity/month';
import { renderActivityPdf } from '../../../shared/report/activity/activity-pdf';
import { activitySummary } from '../../../shared/report/activity/activity-summary';
import type { SealedReport } from '../../../shared/report/model';
import { reportOf } from '../../../shared/sync/report-record';
import { getDb } from '../../db/database';
import { listReportsOfClient } from '../../db/repositories/reports';
import { desktop } from '../../platform/desktop';
import { loadReportFonts } from '../visits';
import { FormError } from '../../ui/FormError';
import { userMessage } from '../../ui/user-message';
import { emailActivityReport } from './delivery-api';

// re-exported: the month picker's test imports it from here
export { monthBounds };

/**
 * The activity report of a client for a month (002 art. III-1 §6), from the signed
 * bordereaux synced to this computer, saved as a PDF.
 */
export function ActivityReportPanel() {
  const db = getDb();
  const clients = useLiveQuery(() => db.clients.orderBy('name').toArray(), [db]);
  const [clientId, setClientId] = useState('');
  const [month, setMonth] = useState('');
  const [message, setMessage] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  const generate = async () => {
    setError(null);
    setMessage(null);
    const client = clients?.find((c) => c.id === clientId);
    if (!client || !/^\d{4}-\d{2}$/.test(month)) {
      setError('Choisissez un client et un mois.');
      return;
    }
    try {
      const rows = await listReportsOfClient(db, client.id);
      const reports = rows.filter((r) => r.status === 'sealed').map((r) => reportOf(r));
      const latest = reports.reduce<SealedReport | null>(
        (a, r) => (!a || r.seal.sealedAt > a.seal.sealedAt ? r : a),
        null,
      );
      if (!latest) {
        setError('Aucun bordereau signé pour ce client sur ce poste : synchronisez.');
        return;
      }
      const { from, to } = monthBounds(month);
      const bytes = renderActivityPdf({
        summary: activitySummary({ clientName: client.name, from, to, reports }),
        // the provider as the client's bordereaux name it
        provider: latest.content.provider,
        fonts: await loadReportFonts(),
        generatedAt: Date.now(),
      });
      const saved = await desktop.savePdf({
        suggestedName: `rapport-activite-${month}.pdf`,
        bytes,
      });
      if (!saved.ok) throw new Error(saved.error.message);
      setMessage(saved.value ? `Rapport enregistré : ${saved.value.path}` : 'Rapport téléchargé.');
    } catch (e) {
      setError(userMessage(e, 'Rapport impossible.'));
    }
  };

  // The office server makes the PDF from the bordereaux it holds and e-mails it to the
  // contacts the client's contract names for its copies (server/delivery/activity.ts).
  const email = async () => {
    setError(null);
    setMessage(null);
    if (!clientId || !/^\d{4}-\d{2}$/.test(month)) {
      setError('Choisissez un client et un mois.');
      return;
    }
    try {
      const sent = await emailActivityReport(db, clientId, { month });
      setMessage(`Envoi demandé au serveur du bureau, pour ${sent.recipients.join(', ')}.`);
    } catch (e) {
      setError(userMessage(e, 'Envoi impossible.'));
    }
  };

  return (
    <section className="panel" aria-labelledby="activity-title">
      <h2 id="activity-title">Rapport d’activité</h2>
      <div className="row">
        <label className="field">
          Client
          <select value={clientId} onChange={(e) => setClientId(e.target.value)}>
            <option value="">—</option>
            {clients?.map((c) => (
              <option key={c.id} value={c.id}>
                {c.name}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          Mois
          <input type="month" value={month} onChange={(e) => setMonth(e.target.value)} />
        </label>
        <button type="button" onClick={() => void generate()}>
          Rapport d’activité (PDF)
        </button>
        <button type="button" onClick={() => void email()}>
          Envoyer par e-mail au client
        </button>
      </div>
      {message && <p role="status">{message}</p>}
      <FormError message={error} />
    </section>
  );
}
