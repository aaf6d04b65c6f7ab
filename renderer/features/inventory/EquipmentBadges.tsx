import type { LocalDate } from '../../../shared/calendar/local-date';
import { formatLocalDate } from '../../../shared/format/date';
import { ageBandOf } from '../../../shared/inventory/age-band';
import type { EquipmentDraft } from '../../../shared/inventory/equipment';
import { STATUS_LABELS } from '../../../shared/inventory/equipment';
import { WARRANTY_LABELS, warrantyState } from '../../../shared/inventory/warranty';

const WARRANTY_TONE = {
  'under-warranty': 'ok',
  'expires-soon': 'warn',
  expired: 'danger',
  unknown: '',
} as const;

/** Warranty, age surcharge, contract and declaration status of one item, as badges. */
export function EquipmentBadges({ item, today }: { item: EquipmentDraft; today: LocalDate }) {
  const warranty = warrantyState(item.warrantyEndDate, today);
  const age = ageBandOf(item.purchaseDate, today);
  return (
    <span className="badges">
      <span
        className={`badge ${WARRANTY_TONE[warranty]}`}
        title={
          item.warrantyEndDate
            ? `Fin de garantie : ${formatLocalDate(item.warrantyEndDate)}`
            : undefined
        }
      >
        {WARRANTY_LABELS[warranty]}
      </span>
      {age.surchargePercent !== null && age.surchargePercent > 0 && (
        <span className="badge warn">Vétusté +{age.surchargePercent} %</span>
      )}
      {!item.covered && <span className="badge danger">Hors contrat</span>}
      {!item.declared && (
        <span className="badge warn">
          Non déclaré
          {item.discoveredOn ? ` (découvert le ${formatLocalDate(item.discoveredOn)})` : ''}
        </span>
      )}
      {item.status !== 'in-service' && <span className="badge">{STATUS_LABELS[item.status]}</span>}
      {item.statusLabel && (
        <span className="badge" title="Statut dans le fichier importé">
          « {item.statusLabel} »
        </span>
      )}
    </span>
  );
}
