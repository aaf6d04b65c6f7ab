import { formatDateTime } from '../../../shared/format/date';
import { formatDuration } from '../../../shared/format/duration';
import { formatMoney, formatPercentBasisPoints } from '../../../shared/format/money';
import type { DraftContent } from '../../../shared/visit/build-report';

/**
 * What the client reads before signing: times, pauses, corrections, worked and billed time,
 * and the amounts (or "included in the subscription"), from the bordereau as it will be sealed.
 */
export function SignSummary({ preview }: { preview: DraftContent }) {
  const { timeline } = preview;
  return (
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
          Visite incluse dans l’abonnement : {preview.billing.subscriptionLabel}. Montant facturé :
          0 €.
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
