import type { UseFormRegister } from 'react-hook-form';
import {
  INTERVENTION_MODE_LABELS,
  INTERVENTION_TYPE_LABELS,
  URGENCY_LABELS,
} from '../../../shared/report/labels';
import { INTERVENTION_MODES, INTERVENTION_TYPES, URGENCIES } from '../../../shared/report/model';
import { LabelSelect } from '../../ui/LabelSelect';
import { ClientPresenceFields } from './ClientPresenceFields';
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
        <LabelSelect
          label="Mode"
          values={INTERVENTION_MODES}
          labels={INTERVENTION_MODE_LABELS}
          registration={register('mode')}
        />
        <LabelSelect
          label="Type"
          values={INTERVENTION_TYPES}
          labels={INTERVENTION_TYPE_LABELS}
          registration={register('type')}
        />
        <LabelSelect
          label="Urgence"
          values={URGENCIES}
          labels={URGENCY_LABELS}
          registration={register('urgency')}
        />
        <label className="field">
          N° de ticket du client
          <input {...register('requestReference')} maxLength={100} />
        </label>
      </div>
      <label className="field">
        Objet de la demande
        <textarea rows={2} {...register('request')} required maxLength={2000} />
      </label>
      <ClientPresenceFields
        name={register('representativeName')}
        role={register('representativeRole')}
        backup={register('clientConfirmedBackup')}
      />
      {showIncluded && (
        <label className="check">
          <input type="checkbox" {...register('includedInSubscription')} />
          Visite incluse dans l’abonnement d’infogérance
        </label>
      )}
    </>
  );
}
