import { formatDuration } from '../../../shared/format/duration';
import type { ClientUsage } from '../../../shared/office/client-usage';

/** Each client's billed time of the year, hour bank and planned visits against its contract. */
export function ClientUsageTable({ year, usage }: { year: number; usage: readonly ClientUsage[] }) {
  return (
    <>
      <h2>Consommation par client ({year})</h2>
      {usage.length === 0 ? (
        <p className="muted">Aucun contrat enregistré.</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th>Client</th>
              <th>Contrat</th>
              <th>Temps facturé en {year}</th>
              <th>Banque d’heures (solde / initial)</th>
              <th>Visites planifiées</th>
            </tr>
          </thead>
          <tbody>
            {usage.map((u) => (
              <tr key={`${u.clientId}-${u.contractReference}`}>
                <td>{u.clientName}</td>
                <td>{u.contractReference}</td>
                <td>{formatDuration(u.billedMinutesThisYear)}</td>
                <td>
                  {u.bank ? (
                    <>
                      {formatDuration(u.bank.balanceMinutes)} /{' '}
                      {formatDuration(u.bank.initialMinutes)}
                      {u.bank.balanceMinutes === 0 && (
                        <span className="badge danger"> épuisée</span>
                      )}
                    </>
                  ) : (
                    '—'
                  )}
                </td>
                <td>
                  {u.visitsPerYear === null
                    ? `${u.plannedVisitsThisYear} (pas de nombre au contrat)`
                    : `${u.plannedVisitsThisYear} / ${u.visitsPerYear}`}
                  {u.visits?.beyondContract && (
                    <span className="badge danger"> au-delà du contrat</span>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
