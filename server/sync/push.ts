import type { PushRequest, PushResponse, MutationResult } from '../../shared/sync/protocol';
import type { AuthenticatedAccount } from '../auth/tokens';
import type { Database, Queryable } from '../db/database';
import { sqlState } from '../db/database';
import { forbidden } from '../http/api-error';
import type { MutationOutcome } from './apply-mutation';
import { applyMutation } from './apply-mutation';
import { hasGap } from './mutation-order';
import { SEALED_NUMBER_INDEX } from './report-authorship';
import { BatchRecords } from './record-store';
import { accountScope } from './scope';

/**
 * Fault injection for the crash tests only (set through BORDEREAU_TEST_STALL_AT_MUTATION):
 * the push hangs, transaction open, before applying the mutation at this index of a batch,
 * so that the test kills the process at a known point in the middle of the batch.
 */
export type PushFaults = { stallAtIndex?: number };

/** SQLSTATE raised by the sealed-record trigger (migration 2). */
const SEALED_SQLSTATE = 'BR001';

/**
 * What the database's refusal of one mutation's own statements means for that mutation, or
 * null when the error is not about its data (connection lost, serialisation failure 40001,
 * deadlock 40P01, two devices creating the same id: 23505…) and the batch must be retried.
 * Class 22 (data exception: a value jsonb or text cannot hold) and class 54 (program limit
 * exceeded: nesting or size past what PostgreSQL handles) fail the same way on every retry,
 * so they are permanent, like the sealed-report trigger.
 */
function permanentRefusal(error: unknown): MutationOutcome | null {
  const state = sqlState(error);
  if (state === SEALED_SQLSTATE) {
    return {
      status: 'rejected',
      reason: 'sealed',
      message: 'Ce bordereau est signé et scellé : il ne peut plus être modifié.',
    };
  }
  // Another signed report already holds this number and version (pushed concurrently: the
  // check before the write did not see it); the retry would meet the same index.
  if (state === '23505' && constraintOf(error) === SEALED_NUMBER_INDEX) {
    return { status: 'rejected', reason: 'invalid', message: DUPLICATE_NUMBER_MESSAGE };
  }
  if (state?.startsWith('22') || state?.startsWith('54')) {
    return {
      status: 'rejected',
      reason: 'invalid',
      message: 'Données refusées par la base du serveur (valeur impossible à enregistrer).',
    };
  }
  return null;
}

const DUPLICATE_NUMBER_MESSAGE =
  'Ce numéro de bordereau (et cette version) est déjà celui d’un autre bordereau signé.';

/** The constraint a PostgreSQL error names (both drivers expose it). */
function constraintOf(error: unknown): string | undefined {
  if (typeof error === 'object' && error !== null && 'constraint' in error) {
    const constraint = (error as { constraint: unknown }).constraint;
    return typeof constraint === 'string' ? constraint : undefined;
  }
  return undefined;
}

/**
 * Thrown out of a batch run without savepoints when the database refused a mutation's data:
 * the transaction is aborted, the batch is run again with a savepoint around every mutation.
 */
class RefusedWithoutSavepoint extends Error {}

/**
 * Applies a batch in one transaction, exactly once and in order per device: the device row
 * is locked first, so a concurrent copy of the batch waits and then finds every mutation
 * already processed. The device's last mutation id moves in the same transaction as the
 * effects. Permanent refusals are recorded and still advance it; anything else thrown
 * (database down, serialisation failure) rolls everything back and the device retries the
 * batch.
 *
 * A refusal by the database itself (permanentRefusal) aborts the transaction where it
 * happens, so only a savepoint taken before the mutation can turn it into that mutation's
 * rejection. Savepoints cost two round trips per mutation, and past 64 written subtransactions
 * PostgreSQL's snapshots overflow and slow every session; so a batch runs without them (except
 * around updates of reports, which may meet the seal trigger), and only if the database
 * refuses some mutation's data is it run again from scratch with one around every mutation.
 */
export async function pushMutations(
  db: Database,
  account: AuthenticatedAccount,
  request: PushRequest,
  now: number,
  faults: PushFaults = {},
): Promise<PushResponse> {
  try {
    return await db.transaction((tx) => applyBatch(tx, account, request, now, faults, false));
  } catch (error) {
    if (!(error instanceof RefusedWithoutSavepoint)) throw error;
    return db.transaction((tx) => applyBatch(tx, account, request, now, faults, true));
  }
}

async function applyBatch(
  tx: Queryable,
  account: AuthenticatedAccount,
  request: PushRequest,
  now: number,
  faults: PushFaults,
  savepointEach: boolean,
): Promise<PushResponse> {
  await tx.query(
    'INSERT INTO devices (device_id, account_id, created_at) VALUES ($1, $2, $3) ON CONFLICT (device_id) DO NOTHING',
    [request.deviceId, account.id, now],
  );
  const device = await tx.query<{ account_id: string; last_mutation_id: number }>(
    'SELECT account_id, last_mutation_id FROM devices WHERE device_id = $1 FOR UPDATE',
    [request.deviceId],
  );
  const row = device.rows[0]!;
  if (row.account_id !== account.id)
    throw forbidden('Cet appareil est enregistré pour un autre compte.');

  let last = row.last_mutation_id;
  const replayed = request.mutations.filter((m) => m.mutationId <= last).map((m) => m.mutationId);
  const originals = new Map<number, 'applied' | 'conflict' | 'rejected'>();
  if (replayed.length > 0) {
    const found = await tx.query<{
      mutation_id: number;
      status: 'applied' | 'conflict' | 'rejected';
    }>(
      'SELECT mutation_id, status FROM mutation_results WHERE device_id = $1 AND mutation_id = ANY($2::bigint[])',
      [request.deviceId, replayed],
    );
    for (const r of found.rows) originals.set(r.mutation_id, r.status);
  }
  if (hasGap(last, request, new Set(originals.keys()))) {
    return { results: [], lastMutationId: last, gap: true };
  }

  const scope = await accountScope(tx, account);
  const records = await BatchRecords.lock(
    tx,
    request.mutations.filter((m) => m.mutationId > last),
  );
  const ctx = { account, deviceId: request.deviceId, scope, records, now };
  const results: MutationResult[] = [];
  const recorded: { m: PushRequest['mutations'][number]; outcome: MutationOutcome }[] = [];
  for (const [index, m] of request.mutations.entries()) {
    if (index === faults.stallAtIndex) await new Promise<never>(() => undefined);
    if (m.mutationId <= last) {
      // hasGap made sure every such id has its stored outcome.
      results.push({
        mutationId: m.mutationId,
        status: 'alreadyApplied',
        original: originals.get(m.mutationId)!,
      });
      continue;
    }
    // Only an existing report can be sealed, so only its update can meet the trigger.
    const guarded =
      savepointEach ||
      (m.entity === 'reports' && (await records.get(tx, m.entity, m.recordId)) !== null);
    let outcome: MutationOutcome;
    if (guarded) await tx.query('SAVEPOINT mutation');
    try {
      outcome = await applyMutation(tx, ctx, m);
      if (guarded) await tx.query('RELEASE SAVEPOINT mutation');
    } catch (error) {
      const refusal = permanentRefusal(error);
      if (!refusal) throw error;
      if (!guarded) throw new RefusedWithoutSavepoint('mutation refused by the database');
      await tx.query('ROLLBACK TO SAVEPOINT mutation');
      await tx.query('RELEASE SAVEPOINT mutation');
      // The mutation may have written its record before failing (a conflict record after it):
      // that write is undone, so the batch must read the record again.
      records.forget(m.entity, m.recordId);
      outcome = refusal;
    }
    recorded.push({ m, outcome });
    results.push({ mutationId: m.mutationId, ...outcome });
    last = m.mutationId;
  }
  if (recorded.length > 0) {
    await tx.query(
      `INSERT INTO mutation_results (device_id, mutation_id, account_id, entity, record_id, status, reason, detail, created_at)
       SELECT $1, unnest($2::bigint[]), $3, unnest($4::text[]), unnest($5::uuid[]), unnest($6::text[]), unnest($7::text[]), unnest($8::jsonb[]), $9`,
      [
        request.deviceId,
        recorded.map((r) => r.m.mutationId),
        account.id,
        recorded.map((r) => r.m.entity),
        recorded.map((r) => r.m.recordId),
        recorded.map((r) => r.outcome.status),
        recorded.map((r) => (r.outcome.status === 'rejected' ? r.outcome.reason : null)),
        recorded.map((r) =>
          JSON.stringify(
            r.outcome.status === 'applied' ? { revision: r.outcome.revision } : r.outcome,
          ),
        ),
        now,
      ],
    );
  }
  await tx.query(
    'UPDATE devices SET last_mutation_id = $2, last_push_at = $3 WHERE device_id = $1',
    [request.deviceId, last, now],
  );
  return { results, lastMutationId: last };
}
