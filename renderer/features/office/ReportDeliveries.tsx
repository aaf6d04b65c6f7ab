import { formatDateTime } from '../../../shared/format/date';
import { deliveryStatusLabel } from '../../../shared/report/delivery';
import { useReportDeliveries } from '../../use-cases/office/report-deliveries';
import { FormError } from '../../ui/FormError';
import { userMessage } from '../../ui/user-message';

/**
 * For the office: each e-mailing of the client's copy (sent, failed and why, bounced, "non
 * envoyé" when the server has no SMTP) and "Renvoyer par e-mail".
 */
export function ReportDeliveries({ reportId }: { reportId: string }) {
  const { data, error, resend } = useReportDeliveries(reportId);
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
      <FormError message={error ? userMessage(error, 'Renvoi impossible.') : null} />
    </section>
  );
}
