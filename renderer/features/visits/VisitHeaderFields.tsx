import type { UseFormRegister } from 'react-hook-form';
import {
  INTERVENTION_MODE_LABELS,
  INTERVENTION_TYPE_LABELS,
  URGENCY_LABELS,
} from '../../../shared/report/labels';
import { INTERVENTION_MODES, INTERVENTION_TYPES, URGENCIES } from '../../../shared/report/model';
import type { VisitHeaderFormValues } from './visit-header-form';

/**
 * The header's fields, shared by the start form and the header correction: mode, type,
 * urgency, the client's ticket, the request, who represents the client, the backup question
 * (000 art. 14) and, under a contract, whether the visit is within the subscription.
 */
export function VisitHeaderFields({
  register,
  showIncluded,
}: {
  register: UseFormRegister<VisitHeaderFormValues>;
  showIncluded: boolean;
}) {
  return (
    <>
      <div className="grid-4">
        <label className="field">
          Mode
          <select {...register('mode')}>
            {INTERVENTION_MODES.map((m) => (
              <option key={m} value={m}>
                {INTERVENTION_MODE_LABELS[m]}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          Type
          <select {...register('type')}>
            {INTERVENTION_TYPES.map((t) => (
              <option key={t} value={t}>
                {INTERVENTION_TYPE_LABELS[t]}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          Urgence
          <select {...register('urgency')}>
            {URGENCIES.map((u) => (
              <option key={u} value={u}>
                {URGENCY_LABELS[u]}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          N° de ticket du client
          <input {...register('requestReference')} maxLength={100} />
        </label>
      </div>
      <label className="field">
        Objet de la demande
        <textarea rows={2} {...register('request')} required maxLength={2000} />
      </label>
      <div className="grid-4">
        <label className="field">
          Représentant du client présent
          <input {...register('representativeName')} />
        </label>
        <label className="field">
          Fonction
          <input {...register('representativeRole')} />
        </label>
      </div>
      <label className="check">
        <input type="checkbox" {...register('clientConfirmedBackup')} />
        Le client confirme disposer d’une sauvegarde récente (la sauvegarde reste sous sa
        responsabilité)
      </label>
      {showIncluded && (
        <label className="check">
          <input type="checkbox" {...register('includedInSubscription')} />
          Visite incluse dans l’abonnement d’infogérance
        </label>
      )}
    </>
  );
}
