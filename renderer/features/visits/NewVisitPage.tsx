import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { NO_CONTRACT_REFERENCE, defaultContractId } from '../../../shared/billing/default-contract';
import { equipmentLabel } from '../../../shared/visit/build-report';
import { appDeps } from '../../use-cases/deps';
import { startVisit } from '../../use-cases/visits/start-visit';
import { useNewVisitChoices } from '../../use-cases/visits/use-visit-lists';
import { FormError } from '../../ui/FormError';
import { userMessage } from '../../ui/user-message';
import { ClientOptions, SiteOptions } from './ClientSiteOptions';
import { VisitHeaderFields } from './VisitHeaderFields';
import { newVisitFormDefaults, newVisitFormSchema, newVisitInputOf } from './new-visit-form';
import type { NewVisitFormValues } from './new-visit-form';

/**
 * Starting a visit from a client: where, under which contract, what for, who is present,
 * and whether the client confirms having a backup (000 art. 14). "Démarrer" creates the
 * visit and records the arrival in the same gesture (one write: startVisit).
 */
export function NewVisitPage() {
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const form = useForm<NewVisitFormValues>({
    resolver: zodResolver(newVisitFormSchema),
    defaultValues: newVisitFormDefaults(params.get('client') ?? ''),
  });
  const { register, control, setValue, handleSubmit } = form;
  const [clientId, siteId, contractId, equipmentIds] = useWatch({
    control,
    name: ['clientId', 'siteId', 'contractId', 'equipmentIds'],
  });
  const [error, setError] = useState<string | null>(null);
  const data = useNewVisitChoices(clientId);

  if (!data) return <p>Chargement…</p>;
  const site = siteId || data.sites[0]?.id || '';
  // A client without contract is billed at the company's default rates (Paramètres).
  const withoutContract = clientId !== '' && data.contracts.length === 0;
  const contract = withoutContract
    ? defaultContractId(clientId)
    : contractId || data.contracts[0]?.id || '';

  const start = handleSubmit(async (values) => {
    setError(null);
    try {
      const visit = await startVisit(
        appDeps(),
        newVisitInputOf(values, { siteId: site, contractId: contract, withoutContract }),
      );
      navigate(`/interventions/${visit.id}`);
    } catch (e) {
      setError(userMessage(e, 'Intervention non créée.'));
    }
  });

  return (
    <section>
      <h1>Démarrer une intervention</h1>
      {data.running.length > 0 && (
        <p className="panel badge warn" role="status">
          Une intervention est déjà en cours : terminez-la avant d’en démarrer une autre si
          possible.
        </p>
      )}
      <form className="panel" noValidate onSubmit={(e) => void start(e)}>
        <label className="field">
          Client
          <select
            value={clientId}
            onChange={(e) => {
              // Site, contract and equipment belong to the client: picked again for another.
              setValue('clientId', e.target.value);
              setValue('siteId', '');
              setValue('contractId', '');
              setValue('equipmentIds', []);
            }}
            required
          >
            <option value="">Choisir…</option>
            <ClientOptions clients={data.clients} />
          </select>
        </label>
        {clientId && data.sites.length === 0 && (
          <p className="field-error">
            Ce client n’a aucun site : ajoutez-en un sur{' '}
            <Link to={`/clients/${clientId}`}>sa fiche</Link>.
          </p>
        )}
        {withoutContract && (
          <p className="muted" role="status" data-testid="no-contract">
            Aucun contrat pour ce client : l’intervention sera facturée au temps passé, aux{' '}
            <Link to="/parametres">tarifs par défaut</Link> du prestataire.
          </p>
        )}
        <div className="grid-4">
          <label className="field">
            Site
            <select value={site} onChange={(e) => setValue('siteId', e.target.value)} required>
              <SiteOptions sites={data.sites} />
            </select>
          </label>
          <label className="field">
            Contrat
            <select
              value={contract}
              onChange={(e) => setValue('contractId', e.target.value)}
              required
            >
              {withoutContract && <option value={contract}>{NO_CONTRACT_REFERENCE}</option>}
              {data.contracts.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.reference}
                  {c.label ? ` — ${c.label}` : ''}
                </option>
              ))}
            </select>
          </label>
        </div>
        <VisitHeaderFields register={register} showIncluded={!withoutContract} />
        {data.equipment.length > 0 && (
          <fieldset>
            <legend>Équipements concernés (modifiable pendant la visite)</legend>
            <ul className="equipment-pick">
              {data.equipment.slice(0, 100).map((e) => (
                <li key={e.id}>
                  <label className="check">
                    <input
                      type="checkbox"
                      checked={equipmentIds.includes(e.id)}
                      onChange={(ev) =>
                        setValue(
                          'equipmentIds',
                          ev.target.checked
                            ? [...equipmentIds, e.id]
                            : equipmentIds.filter((id) => id !== e.id),
                        )
                      }
                    />
                    {equipmentLabel(e)}
                    {e.serialNumber && <span className="muted"> · S/N {e.serialNumber}</span>}
                  </label>
                </li>
              ))}
            </ul>
          </fieldset>
        )}
        <button type="submit" className="primary" disabled={!clientId || !site || !contract}>
          Démarrer l’intervention
        </button>
        <FormError message={error} />
      </form>
    </section>
  );
}
