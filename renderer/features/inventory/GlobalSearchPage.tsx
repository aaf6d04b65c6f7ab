import { useDeferredValue, useState } from 'react';
import { Link } from 'react-router';
import { CATEGORY_LABELS } from '../../../shared/inventory/category';
import {
  useEquipmentSearch,
  useWarmSearchIndex,
} from '../../use-cases/inventory/use-equipment-search';
import { EquipmentBadges } from './EquipmentBadges';
import { today as todayOf } from './today';

const LIMIT = 50;

/** /inventaire: one search box over every client's equipment, serial numbers first. */
export function GlobalSearchPage() {
  const [query, setQuery] = useState('');
  useWarmSearchIndex();
  const deferred = useDeferredValue(query);
  const results = useEquipmentSearch(deferred, LIMIT);
  const today = todayOf();

  return (
    <section>
      <h1>Recherche dans tout le parc</h1>
      <div className="field">
        <label htmlFor="global-search">
          Numéro de série, d’inventaire, nom, modèle ou utilisateur
        </label>
        <input
          id="global-search"
          type="search"
          value={query}
          onChange={(e) => setQuery(e.target.value)}
          autoFocus
          autoComplete="off"
          spellCheck={false}
        />
      </div>
      {deferred.trim() === '' ? (
        <p className="muted">Tapez quelques caractères : un bout de numéro de série suffit.</p>
      ) : results === undefined ? (
        <p className="muted">Recherche…</p>
      ) : results.length === 0 ? (
        <p>Aucun équipement ne correspond à « {deferred} ».</p>
      ) : (
        <>
          <p className="muted" aria-live="polite">
            {results.length >= LIMIT
              ? `Les ${LIMIT} premiers résultats : précisez la recherche.`
              : `${results.length} résultat${results.length > 1 ? 's' : ''}`}
          </p>
          <table aria-label="Résultats de la recherche">
            <thead>
              <tr>
                <th scope="col">N° de série</th>
                <th scope="col">Client</th>
                <th scope="col">N° d’inventaire</th>
                <th scope="col">Nom</th>
                <th scope="col">Matériel</th>
                <th scope="col">Utilisateur</th>
                <th scope="col">État</th>
              </tr>
            </thead>
            <tbody>
              {results.map(({ item: e, clientName }) => (
                <tr key={e.id}>
                  <td>
                    <Link to={`/clients/${e.clientId}/equipment/${e.id}`}>
                      {e.serialNumber || '(sans n° de série)'}
                    </Link>
                  </td>
                  <td>
                    <Link to={`/clients/${e.clientId}`}>{clientName ?? '…'}</Link>
                  </td>
                  <td>{e.assetTag}</td>
                  <td>{e.hostname}</td>
                  <td>
                    {CATEGORY_LABELS[e.category]} {[e.brand, e.model].filter(Boolean).join(' ')}
                  </td>
                  <td>{e.assignedUser}</td>
                  <td>
                    <EquipmentBadges item={e} today={today} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </section>
  );
}
