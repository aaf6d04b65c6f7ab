import { useState } from 'react';
import { Link } from 'react-router';
import { formatDateTime } from '../../../shared/format/date';
import { useNow } from '../visits';
import { signOut, useSyncStatus } from '../../use-cases/sync/sign-in';
import type { SyncStatus } from '../../use-cases/sync/sign-in';
import { appSyncDeps } from '../../use-cases/sync/sync-deps';
import { dismissRejections, useSyncOverview } from '../../use-cases/sync/sync-overview';
import type { Rejection } from '../../use-cases/sync/sync-overview';
import { ConflictList } from './ConflictList';
import { FirstSyncConfirmation } from './FirstSyncConfirmation';
import { RefusalNotice } from './RefusalNotices';
import { entityLabel } from './entity-labels';
import { LoginForm } from './LoginForm';
import { ageLabel, isStuck } from './sync-age';

/**
 * The sync status screen: who is connected to which server, what is waiting to be sent and
 * since when, the last success, errors in plain French, conflicts to settle and refused changes.
 */
export function SyncPage() {
  const status = useSyncStatus();
  const now = useNow(true, 30_000);
  const overview = useSyncOverview();

  if (overview === undefined) return <p className="muted">Chargement…</p>;
  const { session, deviceId, pending, conflicts, rejections } = overview;
  const marks = overview.refusals;
  const oldest = overview.oldestPendingAt;
  const lastSuccessAt = overview.lastSuccessAt;
  const account = session?.account ?? null;
  return (
    <section>
      <h1>Synchronisation</h1>
      {!account ? (
        <LoginForm serverUrl={session?.serverUrl ?? ''} />
      ) : (
        <div className="panel">
          <dl className="facts">
            <dt>Compte</dt>
            <dd data-testid="sync-account">
              {account.name} ({account.role === 'office' ? 'bureau' : 'technicien'}) —{' '}
              {account.email}
            </dd>
            <dt>Serveur</dt>
            <dd>{session?.serverUrl}</dd>
            <dt>Modifications en attente</dt>
            <dd data-testid="sync-pending">{pending ?? '…'}</dd>
            <dt>Plus ancienne non envoyée</dt>
            <dd data-testid="sync-oldest">
              {oldest ? `depuis ${ageLabel(oldest, now)} (${formatDateTime(oldest)})` : 'aucune'}
            </dd>
            <dt>Dernière synchronisation réussie</dt>
            <dd data-testid="sync-last-success">
              {lastSuccessAt
                ? `${formatDateTime(lastSuccessAt)} (il y a ${ageLabel(lastSuccessAt, now)})`
                : 'jamais'}
            </dd>
          </dl>
          {isStuck(oldest ?? null, now) && (
            <p className="sync-warning" role="alert">
              Des modifications attendent depuis plus d’un jour : vérifiez la connexion au serveur
              du bureau ou prévenez le bureau.
            </p>
          )}
          <FirstSyncConfirmation role={account.role} />
          <SyncActivity status={status} now={now} />
          <div className="actions">
            <button
              type="button"
              className="primary"
              disabled={status.running}
              onClick={() => void appSyncDeps().syncNow()}
            >
              {status.running ? 'Synchronisation en cours…' : 'Synchroniser maintenant'}
            </button>
            <LogoutButton />
          </div>
          {account.role === 'office' && (
            <p>
              <Link to="/administration">
                Administration : comptes, attributions des clients, clients à valider
              </Link>
            </p>
          )}
        </div>
      )}
      {account && status.lastError?.kind === 'unauthorized' && (
        <LoginForm serverUrl={session?.serverUrl ?? ''} />
      )}
      <h2>
        Conflits à résoudre{' '}
        {conflicts && conflicts.length > 0 && (
          <span className="badge warn">{conflicts.length}</span>
        )}
      </h2>
      <ConflictList conflicts={conflicts ?? []} deviceId={deviceId ?? null} />
      {marks && marks.length > 0 && (
        <>
          <h2>
            Enregistrements refusés, conservés sur cet ordinateur{' '}
            <span className="badge danger">{marks.length}</span>
          </h2>
          <ul data-testid="refusal-marks">
            {marks.map((mark) => (
              <RefusalNotice key={`${mark.entity}:${mark.recordId}`} mark={mark} />
            ))}
          </ul>
        </>
      )}
      {rejections && rejections.length > 0 && <Rejections rejections={rejections} />}
    </section>
  );
}

function SyncActivity({ status, now }: { status: SyncStatus; now: number }) {
  const progress = status.progress;
  return (
    <div aria-live="polite">
      {progress?.phase === 'push' && (
        <p>
          Envoi des modifications : {progress.done} / {progress.total}
          <progress className="sync-progress" max={progress.total} value={progress.done} />
        </p>
      )}
      {progress?.phase === 'pull' && (
        <p>
          Réception : {progress.received} enregistrement(s), page {progress.pages}
          <progress className="sync-progress" />
        </p>
      )}
      {status.lastError && (
        <p className="sync-error" role="alert" data-testid="sync-error">
          {status.lastError.message}
          {status.nextAttemptAt !== null && status.nextAttemptAt > now && (
            <span className="muted">
              {' '}
              Nouvel essai automatique dans {ageLabel(now, status.nextAttemptAt)}.
            </span>
          )}
        </p>
      )}
      {!status.lastError && status.lastResult && !status.running && (
        <p className="muted" data-testid="sync-result">
          Dernier passage : {status.lastResult.pushed} envoyée(s), {status.lastResult.pulled}{' '}
          reçue(s)
          {status.lastResult.conflicts > 0 && `, ${status.lastResult.conflicts} conflit(s)`}
          {status.lastResult.rejected > 0 && `, ${status.lastResult.rejected} refusée(s)`}.
        </p>
      )}
    </div>
  );
}

function LogoutButton() {
  const [busy, setBusy] = useState(false);
  return (
    <button
      type="button"
      disabled={busy}
      onClick={() => {
        setBusy(true);
        void signOut(appSyncDeps()).finally(() => setBusy(false));
      }}
    >
      Se déconnecter
    </button>
  );
}

function Rejections({ rejections }: { rejections: readonly Rejection[] }) {
  // The list of refused changes goes; the marks of records that exist here only stay until
  // the record is sent again or given up (refusal-marks.ts).
  const dismiss = () => dismissRejections(appSyncDeps());
  return (
    <>
      <h2>Modifications refusées par le serveur</h2>
      <p className="muted">
        Le serveur les a refusées définitivement ; leur contenu reste consultable ici (les
        enregistrements eux-mêmes restent à leur place, marqués).
      </p>
      <table>
        <thead>
          <tr>
            <th>Date</th>
            <th>Donnée</th>
            <th>Motif</th>
            <th>Contenu</th>
          </tr>
        </thead>
        <tbody>
          {rejections.map((r) => (
            <tr key={`${r.mutationId}-${r.recordId}`}>
              <td>{formatDateTime(r.at)}</td>
              <td>{entityLabel(r.entity)}</td>
              <td>{r.message}</td>
              <td>
                <code className="rejected-changes">{JSON.stringify(r.changes).slice(0, 300)}</code>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <button type="button" onClick={() => void dismiss()}>
        J’ai pris connaissance de ces refus
      </button>
    </>
  );
}
