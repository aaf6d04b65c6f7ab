import { useDeferredValue, useMemo, useState } from 'react';
import { Link } from 'react-router';
import { searchClients } from '../../../shared/inventory/client-search';
import { useClientList, useEquipmentCounts } from '../../use-cases/clients/client-list';
import { ClientSyncBadges, useRefusalCounts } from '../sync';
import { FirstRunGuide } from '../onboarding';
import { ClientForm } from './ClientForm';
import { ColumnHeads } from '../../ui/ColumnHeads';

export function ClientsPage() {
  const list = useClientList();
  const clients = list?.clients;
  // Counted once the rows are shown, from the clients already read.
  const counts = useEquipmentCounts(clients);
  const refusals = useRefusalCounts();
  const [query, setQuery] = useState('');
  const deferred = useDeferredValue(query);
  const [creating, setCreating] = useState(false);
  const shown = useMemo(
    () => searchClients(list?.clients ?? [], list?.contacts ?? [], deferred),
    [list, deferred],
  );

  return (
    <section>
      <h1>Clients</h1>
      <FirstRunGuide />
      <div className="toolbar">
        <label htmlFor="client-search" className="sr-only">
          Rechercher un client
        </label>
        <input
          id="client-search"
          type="search"
          placeholder="Nom, ville ou contact…"
          aria-label="Rechercher un client"
          value={query}
          onChange={(e) => setQuery(e.target.value)}
          autoComplete="off"
        />
        <button
          type="button"
          className="primary"
          onClick={() => setCreating(true)}
          disabled={creating}
        >
          Nouveau client
        </button>
        <Link to="/inventaire">Rechercher un équipement dans tout le parc</Link>
      </div>
      {creating && (
        <div className="panel">
          <h2>Nouveau client</h2>
          <ClientForm onDone={() => setCreating(false)} />
        </div>
      )}
      {clients === undefined ? (
        <p className="muted">Chargement…</p>
      ) : clients.length === 0 ? (
        <p>Aucun client pour l’instant.</p>
      ) : shown.length === 0 ? (
        <p>Aucun client ne correspond à « {query} ».</p>
      ) : (
        <table aria-label="Liste des clients">
          <ColumnHeads labels={['Nom', 'Ville', 'Équipements']} />
          <tbody>
            {shown.map((c) => (
              <tr key={c.id}>
                <td>
                  <Link to={`/clients/${c.id}`}>{c.name}</Link>{' '}
                  <ClientSyncBadges client={c} refused={refusals.get(c.id) ?? 0} />
                </td>
                <td>{c.city}</td>
                <td aria-busy={counts === undefined}>
                  {counts === undefined ? '…' : (counts.get(c.id) ?? 0).toLocaleString('fr-FR')}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
