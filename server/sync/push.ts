import type { PushRequest, PushResponse, MutationResult } from '../../shared/sync/protocol';
import type { AuthenticatedAccount } from '../auth/tokens';
import type { Database } from '../db/database';
import { sqlState } from '../db/database';
import { forbidden } from '../http/api-error';
import type { MutationOutcome } from './apply-mutation';
import { applyMutation } from './apply-mutation';
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
 * Applies a batch in one transaction, exactly once and in order per device: the device row
 * is locked first, so a concurrent copy of the batch waits and then finds every mutation
 * already processed. The device's last mutation id moves in the same transaction as the
 * effects. Permanent refusals are recorded and still advance it; anything thrown (database
 * down, serialisation failure) rolls everything back and the device retries the batch.
 */
export async function pushMutations(
  db: Database,
  account: AuthenticatedAccount,
  request: PushRequest,
  now: number,
  faults: PushFaults = {},
): Promise<PushResponse> {
  return db.transaction(async (tx) => {
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
        // Skipped ids (gaps) were never sent, so they have no original: report them as applied before.
        results.push({
          mutationId: m.mutationId,
          status: 'alreadyApplied',
          original: originals.get(m.mutationId) ?? 'applied',
        });
        continue;
      }
      // Only an existing report can be sealed, so only its update can meet the trigger: a
      // savepoint lets the database's refusal become this mutation's rejection instead of
      // aborting the batch (and every retry of it).
      const guarded =
        m.entity === 'reports' && (await records.get(tx, m.entity, m.recordId)) !== null;
      let outcome: MutationOutcome;
      if (guarded) await tx.query('SAVEPOINT mutation');
      try {
        outcome = await applyMutation(tx, ctx, m);
        if (guarded) await tx.query('RELEASE SAVEPOINT mutation');
      } catch (error) {
        if (!guarded || sqlState(error) !== SEALED_SQLSTATE) throw error;
        // The database refused to touch a sealed report: permanent, whatever the code above missed.
        await tx.query('ROLLBACK TO SAVEPOINT mutation');
        outcome = {
          status: 'rejected',
          reason: 'sealed',
          message: 'Ce bordereau est signé et scellé : il ne peut plus être modifié.',
        };
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
  });
}
