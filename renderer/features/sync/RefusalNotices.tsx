import { useState } from 'react';
import {
  FIELD_CLIENT_PENDING_LABEL,
  isPendingFieldClient,
} from '../../../shared/inventory/field-client';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { appDeps } from '../../use-cases/deps';
import {
  discardRefusedRecord,
  refusalAdvice,
  resendRefusedRecord,
  useClientRefusals,
  useRefusalCountsByClient,
} from '../../use-cases/sync/refusals';
import type { RefusalMark } from '../../use-cases/sync/refusals';
import { entityLabel } from './entity-labels';

/**
 * Where a refusal shows: on the client's page, each refused record of that client with the
 * reason, what to do, and the actions (send again, give up a record that exists here only).
 */
export function ClientRefusalNotices({ clientId }: { clientId: string }) {
  const marks = useClientRefusals(clientId);
  if (!marks || marks.length === 0) return null;
  return (
    <div className="panel sync-warning" role="status" data-testid="refusal-notices">
      <strong>Refusé par le serveur du bureau — conservé sur cet ordinateur</strong>
      <ul>
        {marks.map((mark) => (
          <RefusalNotice key={`${mark.entity}:${mark.recordId}`} mark={mark} />
        ))}
      </ul>
    </div>
  );
}

export function RefusalNotice({ mark }: { mark: RefusalMark }) {
  const [busy, setBusy] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const act = (work: () => Promise<unknown>) => {
    setBusy(true);
    void work().finally(() => setBusy(false));
  };
  return (
    <li data-testid="refusal-notice">
      {entityLabel(mark.entity)} : {mark.message}{' '}
      <span className="muted">{refusalAdvice(mark)}</span>{' '}
      <button
        type="button"
        disabled={busy}
        onClick={() => act(() => resendRefusedRecord(appDeps(), mark))}
      >
        Renvoyer
      </button>{' '}
      {mark.localOnly && mark.entity !== 'reports' && (
        <button
          type="button"
          className="danger"
          disabled={busy}
          onClick={() => setConfirming(true)}
        >
          Supprimer de cet ordinateur
        </button>
      )}
      <ConfirmDialog
        open={confirming}
        busy={busy}
        danger
        confirmLabel="Supprimer"
        onCancel={() => setConfirming(false)}
        onConfirm={() => {
          setConfirming(false);
          act(() => discardRefusedRecord(appDeps(), mark));
        }}
      >
        <p>Supprimer définitivement cet enregistrement de cet ordinateur ?</p>
      </ConfirmDialog>
    </li>
  );
}

/** How many refused records each client has (one query for a whole list). */
export function useRefusalCounts(): ReadonlyMap<string, number> {
  return useRefusalCountsByClient() ?? EMPTY;
}

const EMPTY: ReadonlyMap<string, number> = new Map();

/** Badges of a client: created on site and waiting for the office, not sent yet, refusals. */
export function ClientSyncBadges({ client, refused }: { client: object; refused: number }) {
  const row = client as Record<string, unknown>;
  const pending = isPendingFieldClient(row);
  const unsent = row['revision'] === null && refused === 0;
  if (!pending && !unsent && refused === 0) return null;
  return (
    <span className="badges">
      {pending && (
        <span className="badge warn" data-testid="field-client-pending">
          {FIELD_CLIENT_PENDING_LABEL}
        </span>
      )}
      {unsent && (
        <span className="badge" title="Pas encore envoyé au serveur du bureau">
          Non envoyé
        </span>
      )}
      {refused > 0 && (
        <span className="badge danger" data-testid="client-refused">
          {refused} refusé(s)
        </span>
      )}
    </span>
  );
}
