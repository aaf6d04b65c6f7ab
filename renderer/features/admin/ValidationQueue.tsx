import { useState } from 'react';
import { Link } from 'react-router';
import type { FieldClient } from '../../../shared/admin/admin-protocol';
import { formatDateTime } from '../../../shared/format/date';
import { useClients } from '../../use-cases/clients/client-list';
import type { AdminApi } from '../../use-cases/admin/use-admin';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { AdminMessages } from './AdminMessages';
import { useAdmin } from '../../use-cases/admin/use-admin';

const loadQueue = async (api: AdminApi) => ({
  clients: await api.fieldClients(),
  accounts: await api.accounts(),
});

/**
 * Clients created on site, "à valider": validate, edit (the client's page), merge into an
 * existing client (every site, equipment, visit and report moves) or give to a technician.
 */
export function ValidationQueue() {
  const admin = useAdmin(loadQueue);
  return (
    <section aria-labelledby="queue-title">
      <h2 id="queue-title">
        Clients créés sur le terrain, à valider{' '}
        {admin.data && admin.data.clients.length > 0 && (
          <span className="badge warn">{admin.data.clients.length}</span>
        )}
      </h2>
      <AdminMessages error={admin.error} notice={admin.notice} />
      {admin.data === undefined ? (
        <p className="muted">Chargement…</p>
      ) : admin.data.clients.length === 0 ? (
        <p className="muted">Aucun client en attente.</p>
      ) : (
        <ul className="cards">
          {admin.data.clients.map((c) => (
            <QueueEntry
              key={c.clientId}
              entry={c}
              technicians={admin.data!.accounts.filter((a) => a.role === 'technician')}
              busy={admin.busy}
              run={admin.run}
            />
          ))}
        </ul>
      )}
    </section>
  );
}

function QueueEntry({
  entry,
  technicians,
  busy,
  run,
}: {
  entry: FieldClient;
  technicians: { id: string; name: string }[];
  busy: boolean;
  run: ReturnType<typeof useAdmin>['run'];
}) {
  const clients = useClients();
  const [target, setTarget] = useState(entry.duplicates[0]?.clientId ?? '');
  const [technician, setTechnician] = useState('');
  const [confirming, setConfirming] = useState(false);
  const others = (clients ?? []).filter((c) => c.id !== entry.clientId);
  const targetName = others.find((c) => c.id === target)?.name ?? '';
  return (
    <li className="panel" data-testid="field-client">
      <strong>{entry.name}</strong> {entry.siret && <span>SIRET {entry.siret}</span>}{' '}
      {entry.city && <span>— {entry.city}</span>}
      <div className="muted">
        Créé par {entry.createdBy.accountName} le {formatDateTime(entry.createdAt)} ;{' '}
        {entry.records} enregistrement(s) (sites, équipements, visites, bordereaux).
      </div>
      {entry.duplicates.length > 0 && (
        <p className="sync-warning">
          Ressemble à : {entry.duplicates.map((d) => d.name).join(', ')}
        </p>
      )}
      <div className="actions">
        <button
          type="button"
          className="primary"
          disabled={busy}
          onClick={() =>
            void run((api) => api.validateFieldClient(entry.clientId), `${entry.name} est validé.`)
          }
        >
          Valider
        </button>
        <Link to={`/clients/${entry.clientId}`}>Modifier la fiche</Link>
      </div>
      <div className="toolbar">
        <label>
          Fusionner dans{' '}
          <select
            aria-label={`Client existant où fusionner ${entry.name}`}
            value={target}
            onChange={(e) => setTarget(e.target.value)}
          >
            <option value="">— choisir un client —</option>
            {others.map((c) => (
              <option key={c.id} value={c.id}>
                {c.name}
                {c.city ? ` (${c.city})` : ''}
              </option>
            ))}
          </select>
        </label>
        <button type="button" disabled={busy || target === ''} onClick={() => setConfirming(true)}>
          Fusionner
        </button>
      </div>
      <ConfirmDialog
        open={confirming}
        busy={busy}
        danger
        confirmLabel="Fusionner"
        onCancel={() => setConfirming(false)}
        onConfirm={() => {
          setConfirming(false);
          void run(
            (api) => api.mergeClients(entry.clientId, target),
            `${entry.name} est fusionné dans ${targetName}.`,
          );
        }}
      >
        <p>
          Fusionner « {entry.name} » dans « {targetName} » ? Ses sites, équipements, visites et
          bordereaux passent sous « {targetName} », et « {entry.name} » disparaît.
        </p>
      </ConfirmDialog>
      <div className="toolbar">
        <label>
          Attribuer à{' '}
          <select
            aria-label={`Technicien pour ${entry.name}`}
            value={technician}
            onChange={(e) => setTechnician(e.target.value)}
          >
            <option value="">— choisir un technicien —</option>
            {technicians.map((t) => (
              <option key={t.id} value={t.id}>
                {t.name}
              </option>
            ))}
          </select>
        </label>
        <button
          type="button"
          disabled={busy || technician === ''}
          onClick={() =>
            void run(async (api) => {
              await api.setAssignments({
                accountIds: [technician],
                clientIds: [entry.clientId],
                assigned: true,
              });
              const previous = entry.assignedTo.filter((id) => id !== technician);
              if (previous.length > 0)
                await api.setAssignments({
                  accountIds: previous,
                  clientIds: [entry.clientId],
                  assigned: false,
                });
            }, `${entry.name} est réattribué.`)
          }
        >
          Réattribuer
        </button>
      </div>
    </li>
  );
}
