import { fieldOriginOf } from '../../shared/inventory/field-client';
import type { FieldOrigin } from '../../shared/inventory/field-client';
import type { Mutation } from '../../shared/sync/mutation';
import type { Queryable } from '../db/database';
import type { ApplyContext, MutationOutcome } from './apply-mutation';
import type { StoredRecord } from './record-store';

/**
 * Clients created on site by a technician (a walk-in, a new customer), offline. The server
 * accepts the creation, stamps it `fieldOrigin` (pending until the office validates it) and
 * assigns the client to its creator in the same transaction, so that the sites, equipment,
 * visits and reports the technician filed under it, pushed after it, are in their scope.
 *
 * A technician may keep editing such a client while it is pending and assigned to them; once
 * validated it is the office's like any other. `fieldOrigin` is the server's: whatever a
 * device sends for it is replaced.
 */
export type FieldClientDecision =
  | { readonly kind: 'proceed'; readonly mutation: Mutation }
  | { readonly kind: 'refuse'; readonly outcome: MutationOutcome };

const OFFICE_ONLY: MutationOutcome = {
  status: 'rejected',
  reason: 'forbidden',
  message:
    'Fiche client réservée au bureau : votre modification reste sur cet ordinateur, demandez au bureau de la faire.',
};

export async function admitFieldClient(
  tx: Queryable,
  ctx: ApplyContext,
  m: Mutation,
  existing: StoredRecord | null,
): Promise<FieldClientDecision> {
  const { fieldOrigin: _ignored, ...changes } = m.changes;
  if (!existing) {
    if (m.op === 'delete') return { kind: 'proceed', mutation: m };
    const origin: FieldOrigin = {
      accountId: ctx.account.id,
      accountName: ctx.account.name,
      createdAt: ctx.now,
      validatedAt: null,
    };
    // A brand-new id: no record of this client exists yet, so nothing needs re-sending.
    await tx.query(
      'INSERT INTO assignments (account_id, client_id, created_at) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING',
      [ctx.account.id, m.recordId, ctx.now],
    );
    (ctx.scope as Set<string> | null)?.add(m.recordId);
    return { kind: 'proceed', mutation: { ...m, changes: { ...changes, fieldOrigin: origin } } };
  }
  const origin = fieldOriginOf(existing.data);
  const editable =
    !existing.deleted &&
    m.op === 'upsert' &&
    origin !== null &&
    origin.validatedAt === null &&
    ctx.scope?.has(existing.id) === true;
  if (!editable) return { kind: 'refuse', outcome: OFFICE_ONLY };
  return { kind: 'proceed', mutation: { ...m, changes } };
}

/**
 * A signed bordereau created by a technician always reaches the office, whatever happened to
 * its client or to the assignment (client refused, merged, taken back): it is the proof of
 * work the client signed. Its seal is still verified; once stored it is immutable.
 */
export function isSealedReportCreation(m: Mutation, existing: StoredRecord | null): boolean {
  return (
    existing === null &&
    m.entity === 'reports' &&
    m.op === 'upsert' &&
    m.changes['status'] === 'sealed'
  );
}

/**
 * A record a laptop filed under a client the office has since merged into another (the laptop
 * had not pulled the merge yet): filed under the surviving client instead of refused, when
 * that one is in the technician's scope. Only asked on the refusal path, so it costs nothing
 * to the ordinary push.
 */
export async function redirectMergedClient(
  tx: Queryable,
  ctx: ApplyContext,
  m: Mutation,
  existing: StoredRecord | null,
  clientId: string,
): Promise<{ mutation: Mutation; clientId: string } | null> {
  if (existing !== null || m.op !== 'upsert' || m.entity === 'clients') return null;
  const merged = await tx.query<{ target_id: string }>(
    'SELECT target_id FROM client_merges WHERE source_id = $1',
    [clientId],
  );
  const target = merged.rows[0]?.target_id;
  if (!target || !ctx.scope?.has(target)) return null;
  return { mutation: { ...m, changes: { ...m.changes, clientId: target } }, clientId: target };
}
