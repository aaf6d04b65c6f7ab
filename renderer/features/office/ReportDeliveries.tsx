import { useEffect, useState } from 'react';
import { formatDateTime } from '../../../shared/format/date';
import { deliveryStatusLabel } from '../../../shared/report/delivery';
import type { DeliveriesResponse } from '../../../shared/report/delivery';
import { getDb } from '../../db/database';
import { fetchDeliveries, resendReport } from './delivery-api';
import { FormError } from '../../ui/FormError';
import { userMessage } from '../../ui/user-message';

/**
 * For the office: each e-mailing of the client's copy (sent, failed and why, bounced, "non
 * envoyé" when the server has no SMTP) and "Renvoyer par e-mail".
 */
export function ReportDeliveries({ reportId }: { reportId: string }) {
  const db = getDb();
  const [data, setData] = useState<DeliveriesResponse | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [round, setRound] = useState(0);
  useEffect(() => {
    let live = true;
    fetchDeliveries(db, reportId).then(
      (d) => live && setData(d),
      (e: unknown) => live && setError(userMessage(e)),
    );
    return () => {
      live = false;
    };
  }, [db, reportId, round]);

  const resend = async () => {
    setError(null);
    try {
      await resendReport(db, reportId);
      setRound((r) => r + 1);
    } catch (e) {
      setError(userMessage(e, 'Renvoi impossible.'));
    }
  };

  return (
    <section className="panel" aria-labelledby="deliveries-title">
      <h2 id="deliveries-title">Envois par e-mail</h2>
      {data && data.deliveries.length === 0 && <p>Aucun envoi demandé.</p>}
      {data && data.deliveries.length > 0 && (
        <ul data-testid="deliveries">
          {data.deliveries.map((d) => (
            <li key={d.id}>
              {d.reason === 'resend' ? 'Renvoi' : 'Envoi à la signature'} à{' '}
              {d.recipients.join(', ')} — {deliveryStatusLabel(d, data.smtpConfigured)}
              {d.sentAt !== null && ` le ${formatDateTime(d.sentAt)}`}
            </li>
          ))}
        </ul>
      )}
      <button type="button" onClick={() => void resend()}>
        Renvoyer par e-mail
      </button>
      <FormError message={error} />
    </section>
  );
}
