import { useDeferredValue, useMemo, useState } from 'react';
import { searchClients } from '../../../shared/inventory/client-search';
import type { AdminApi } from '../../use-cases/admin/use-admin';
import { AdminMessages } from './AdminMessages';
import { useAdmin, useClientsAndContacts } from '../../use-cases/admin/use-admin';

const loadAccounts = (api: AdminApi) => api.accounts();

/** Which technician sees which client: search, tick several clients and technicians, apply. */
export function AssignmentsPanel() {
  const admin = useAdmin(loadAccounts);
  const known = useClientsAndContacts();
  const clients = known?.clients;
  const contacts = known?.contacts;
  const [query, setQuery] = useState('');
  const deferred = useDeferredValue(query);
  const [pickedClients, setPickedClients] = useState<ReadonlySet<string>>(new Set());
  const [pickedTechs, setPickedTechs] = useState<ReadonlySet<string>>(new Set());
  const shown = useMemo(
    () => searchClients(clients ?? [], contacts ?? [], deferred),
    [clients, contacts, deferred],
  );
  const technicians = (admin.data ?? []).filter((a) => a.role === 'technician' && !a.disabled);
  const holders = (clientId: string) =>
    technicians
      .filter((t) => t.clientIds.includes(clientId))
      .map((t) => t.name)
      // The server lists accounts in no set order: names read alphabetically.
      .sort((a, b) => a.localeCompare(b, 'fr'));
  const toggle = (set: ReadonlySet<string>, id: string) => {
    const next = new Set(set);
    if (next.has(id)) next.delete(id);
    else next.add(id);
    return next;
  };
  const apply = (assigned: boolean) =>
    void admin.run(
      (api) =>
        api.setAssignments({
          accountIds: [...pickedTechs],
          clientIds: [...pickedClients],
          assigned,
        }),
      assigned ? 'Clients attribués.' : 'Attributions retirées.',
    );

  return (
    <section aria-labelledby="assignments-title">
      <h2 id="assignments-title">Attributions des clients</h2>
      <p className="muted">
        Un technicien reçoit sur son ordinateur les clients qui lui sont attribués (et les clients
        qu’il crée sur le terrain). Cochez des clients et des techniciens, puis attribuez.
      </p>
      <AdminMessages error={admin.error} notice={admin.notice} />
      <fieldset>
        <legend>Techniciens</legend>
        {technicians.length === 0 && <p className="muted">Aucun technicien : créez un compte.</p>}
        {technicians.map((t) => (
          <label key={t.id} className="field-checkbox">
            <input
              type="checkbox"
              checked={pickedTechs.has(t.id)}
              onChange={() => setPickedTechs(toggle(pickedTechs, t.id))}
            />{' '}
            {t.name} ({t.clientIds.length} client(s))
          </label>
        ))}
      </fieldset>
      <div className="toolbar">
        <input
          type="search"
          aria-label="Rechercher un client à attribuer"
          placeholder="Nom, ville ou contact…"
          value={query}
          onChange={(e) => setQuery(e.target.value)}
        />
        <button
          type="button"
          onClick={() => setPickedClients(new Set([...pickedClients, ...shown.map((c) => c.id)]))}
        >
          Tout cocher ({shown.length})
        </button>
        <button type="button" onClick={() => setPickedClients(new Set())}>
          Tout décocher
        </button>
      </div>
      <table aria-label="Clients à attribuer">
        <thead>
          <tr>
            <th scope="col">Choisir</th>
            <th scope="col">Client</th>
            <th scope="col">Ville</th>
            <th scope="col">Attribué à</th>
          </tr>
        </thead>
        <tbody>
          {shown.slice(0, 200).map((c) => (
            <tr key={c.id}>
              <td>
                <input
                  type="checkbox"
                  aria-label={`Choisir ${c.name}`}
                  checked={pickedClients.has(c.id)}
                  onChange={() => setPickedClients(toggle(pickedClients, c.id))}
                />
              </td>
              <td>{c.name}</td>
              <td>{c.city}</td>
              <td>{holders(c.id).join(', ') || '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {shown.length > 200 && (
        <p className="muted">200 premiers clients affichés : affinez la recherche.</p>
      )}
      <div className="actions">
        <button
          type="button"
          className="primary"
          disabled={admin.busy || pickedClients.size === 0 || pickedTechs.size === 0}
          onClick={() => apply(true)}
        >
          Attribuer {pickedClients.size} client(s) à {pickedTechs.size} technicien(s)
        </button>
        <button
          type="button"
          disabled={admin.busy || pickedClients.size === 0 || pickedTechs.size === 0}
          onClick={() => apply(false)}
        >
          Retirer
        </button>
      </div>
    </section>
  );
}
