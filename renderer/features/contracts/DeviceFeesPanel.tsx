import { useState } from 'react';
import { localDateOf, localDateSchema } from '../../../shared/calendar/local-date';
import { formatLocalDate } from '../../../shared/format/date';
import { formatMoney } from '../../../shared/format/money';
import { CATEGORY_LABELS } from '../../../shared/inventory/category';
import { DateField } from '../../ui/DateField';
import { useDeviceFees } from '../../use-cases/contracts/use-device-fees';

const PERIOD_LABELS = { month: 'par mois', quarter: 'par trimestre', year: 'par an' } as const;

/**
 * The office's view of what to bill on a per-device subscription (004 art. XI, 002 art.
 * IV.2.1): each covered device at the contract's fee with its age surcharge, equipment found
 * on site from its discovery date, on a billing date the office picks. Shows nothing for a
 * client without a per-device contract.
 */
export function DeviceFeesPanel({ clientId }: { clientId: string }) {
  const [billedOn, setBilledOn] = useState(() => localDateOf(Date.now()));
  const contracts = useDeviceFees(clientId, billedOn);
  if (contracts === undefined || contracts.length === 0) return null;
  return (
    <section aria-label="Redevance par équipement">
      <h3>Redevance par équipement</h3>
      <DateField
        label="Date de facturation"
        value={billedOn}
        onChange={(value) => {
          // An emptied date keeps the last valid one (a half-typed one already does).
          if (localDateSchema.safeParse(value).success) setBilledOn(value);
        }}
      />
      {contracts.map(({ contract, rows, totalCents }) => (
        <table key={contract.id} aria-label={`Redevance du contrat ${contract.reference}`}>
          <caption>
            Contrat {contract.reference} : {formatMoney(contract.coverage.perDeviceFeeCents ?? 0)}{' '}
            HT par équipement {PERIOD_LABELS[contract.coverage.subscriptionPeriod]}
            {contract.coverage.ageSurcharge ? ', majoration de vétusté (004 art. XI)' : ''}
          </caption>
          <thead>
            <tr>
              <th scope="col">Équipement</th>
              <th scope="col">N° de série</th>
              <th scope="col">Achat</th>
              <th scope="col">Vétusté</th>
              <th scope="col">Redevance HT</th>
              <th scope="col">Détail</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.equipmentId}>
                <td>
                  {CATEGORY_LABELS[row.equipment.category]}{' '}
                  {[row.equipment.brand, row.equipment.model].filter(Boolean).join(' ')}
                  {row.discoveredOn !== null && <span className="badge warn">découvert</span>}
                </td>
                <td>{row.equipment.serialNumber || '—'}</td>
                <td>
                  {row.equipment.purchaseDate ? formatLocalDate(row.equipment.purchaseDate) : '—'}
                </td>
                <td>{row.surchargePercent === 0 ? '—' : `+${row.surchargePercent} %`}</td>
                <td>{formatMoney(row.feeCents)}</td>
                <td>{row.detail}</td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row" colSpan={4}>
                Total ({rows.length} équipement{rows.length > 1 ? 's' : ''})
              </th>
              <td>{formatMoney(totalCents)}</td>
              <td />
            </tr>
          </tfoot>
        </table>
      ))}
    </section>
  );
}
