import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import {
  INTERVENTION_MODE_LABELS,
  INTERVENTION_TYPE_LABELS,
  URGENCY_LABELS,
} from '../../../shared/report/labels';
import { NO_CONTRACT_REFERENCE, defaultContractId } from '../../../shared/billing/default-contract';
import { INTERVENTION_MODES, INTERVENTION_TYPES, URGENCIES } from '../../../shared/report/model';
import type { InterventionMode, InterventionType, Urgency } from '../../../shared/report/model';
import { getDb } from '../../db/database';
import {
  createVisit,
  listUnfinishedVisits,
  recordTimerTap,
} from '../../db/repositories/interventions';
import { clock } from './clock';
import { equipmentLabel } from '../../../shared/visit/build-report';

/**
 * Starting a visit from a client: where, under which contract, what for, who is present,
 * and whether the client confirms having a backup (000 art. 14). "Démarrer" creates the
 * visit and records the arrival in the same gesture.
 */
export function NewVisitPage() {
  const db = getDb();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const [clientId, setClientId] = useState(params.get('client') ?? '');
  const [siteId, setSiteId] = useState('');
  const [contractId, setContractId] = useState('');
  const [mode, setMode] = useState<InterventionMode>('onsite');
  const [type, setType] = useState<InterventionType>('curative');
  const [urgency, setUrgency] = useState<Urgency>('normal');
  const [requestReference, setRequestReference] = useState('');
  const [request, setRequest] = useState('');
  const [representative, setRepresentative] = useState({ name: '', role: '' });
  const [backup, setBackup] = useState(false);
  const [included, setIncluded] = useState(false);
  const [equipmentIds, setEquipmentIds] = useState<string[]>([]);
  const [error, setError] = useState<string | null>(null);

  const data = useLiveQuery(async () => {
    const clients = (await db.clients.toArray())
      .filter((c) => !c.archived)
      .sort((a, b) => a.name.localeCompare(b.name, 'fr'));
    if (!clientId)
      return {
        clients,
        sites: [],
        contracts: [],
        equipment: [],
        running: await listUnfinishedVisits(db),
      };
    const [sites, contracts, equipment] = await Promise.all([
      db.sites.where('clientId').equals(clientId).toArray(),
      db.contracts.where('clientId').equals(clientId).toArray(),
      db.equipment.where('clientId').equals(clientId).toArray(),
    ]);
    return {
      clients,
      sites,
      contracts,
      equipment: equipment.filter((e) => e.status !== 'retired'),
      running: await listUnfinishedVisits(db),
    };
  }, [db, clientId]);

  if (!data) return <p>Chargement…</p>;
  const site = siteId || data.sites[0]?.id || '';
  // A client without contract is billed at the company's default rates (Paramètres).
  const withoutContract = clientId !== '' && data.contracts.length === 0;
  const contract = withoutContract
    ? defaultContractId(clientId)
    : contractId || data.contracts[0]?.id || '';

  const start = async () => {
    setError(null);
    try {
      const now = clock.now();
      const visit = await createVisit(
        db,
        {
          clientId,
          siteId: site,
          contractId: contract,
          header: {
            mode,
            type,
            urgency,
            requestReference,
            request,
            representative: representative.name.trim() ? representative : null,
            clientConfirmedBackup: backup,
            // No subscription without a contract: nothing is included.
            includedInSubscription: withoutContract ? false : included,
          },
          equipmentIds,
        },
        now,
      );
      await recordTimerTap(db, visit.id, 'start', now);
      navigate(`/interventions/${visit.id}`);
    } catch (e) {
      const issues = (e as { issues?: { message: string }[] }).issues;
      setError(
        issues?.[0]?.message ?? (e instanceof Error ? e.message : 'Intervention non créée.'),
      );
    }
  };

  return (
    <section>
      <h1>Démarrer une intervention</h1>
      {data.running.length > 0 && (
        <p className="panel badge warn" role="status">
          Une intervention est déjà en cours : terminez-la avant d’en démarrer une autre si
          possible.
        </p>
      )}
      <form
        className="panel"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void start();
        }}
      >
        <label className="field">
          Client
          <select
            value={clientId}
            onChange={(e) => {
              setClientId(e.target.value);
              setSiteId('');
              setContractId('');
              setEquipmentIds([]);
            }}
            required
          >
            <option value="">Choisir…</option>
            {data.clients.map((c) => (
              <option key={c.id} value={c.id}>
                {c.name}
              </option>
            ))}
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
            <select value={site} onChange={(e) => setSiteId(e.target.value)} required>
              {data.sites.map((s) => (
                <option key={s.id} value={s.id}>
                  {s.name} — {s.city}
                </option>
              ))}
            </select>
          </label>
          <label className="field">
            Contrat
            <select value={contract} onChange={(e) => setContractId(e.target.value)} required>
              {withoutContract && <option value={contract}>{NO_CONTRACT_REFERENCE}</option>}
              {data.contracts.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.reference}
                  {c.label ? ` — ${c.label}` : ''}
                </option>
              ))}
            </select>
          </label>
          <label className="field">
            Mode
            <select value={mode} onChange={(e) => setMode(e.target.value as InterventionMode)}>
              {INTERVENTION_MODES.map((m) => (
                <option key={m} value={m}>
                  {INTERVENTION_MODE_LABELS[m]}
                </option>
              ))}
            </select>
          </label>
          <label className="field">
            Type
            <select value={type} onChange={(e) => setType(e.target.value as InterventionType)}>
              {INTERVENTION_TYPES.map((t) => (
                <option key={t} value={t}>
                  {INTERVENTION_TYPE_LABELS[t]}
                </option>
              ))}
            </select>
          </label>
          <label className="field">
            Urgence
            <select value={urgency} onChange={(e) => setUrgency(e.target.value as Urgency)}>
              {URGENCIES.map((u) => (
                <option key={u} value={u}>
                  {URGENCY_LABELS[u]}
                </option>
              ))}
            </select>
          </label>
          <label className="field">
            N° de ticket du client
            <input
              value={requestReference}
              onChange={(e) => setRequestReference(e.target.value)}
              maxLength={100}
            />
          </label>
        </div>
        <label className="field">
          Objet de la demande
          <textarea
            rows={2}
            value={request}
            onChange={(e) => setRequest(e.target.value)}
            required
            maxLength={2000}
          />
        </label>
        <div className="grid-4">
          <label className="field">
            Représentant du client présent
            <input
              value={representative.name}
              onChange={(e) => setRepresentative({ ...representative, name: e.target.value })}
            />
          </label>
          <label className="field">
            Fonction
            <input
              value={representative.role}
              onChange={(e) => setRepresentative({ ...representative, role: e.target.value })}
            />
          </label>
        </div>
        <label className="check">
          <input type="checkbox" checked={backup} onChange={(e) => setBackup(e.target.checked)} />
          Le client confirme disposer d’une sauvegarde récente (la sauvegarde reste sous sa
          responsabilité)
        </label>
        {!withoutContract && (
          <label className="check">
            <input
              type="checkbox"
              checked={included}
              onChange={(e) => setIncluded(e.target.checked)}
            />
            Visite incluse dans l’abonnement d’infogérance
          </label>
        )}
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
                        setEquipmentIds(
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
        {error && (
          <p className="field-error" role="alert">
            {error}
          </p>
        )}
      </form>
    </section>
  );
}
