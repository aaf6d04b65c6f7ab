import type { Mutation } from '../../shared/sync/mutation';
import type { MutationResult } from '../../shared/sync/protocol';
import { SYNC_LIMITS } from '../../shared/sync/protocol';
import type { SyncApi } from './api-client';
import type { Rejection, SyncLocalStore } from './local-store';
import { coalesceMutations } from './coalesce-outbox';
import { pushBatches } from './outbound-batches';
import { splitSendable } from './sendable';
import { SyncError, toSyncError } from './sync-error';

const ALREADY_REFUSED_MESSAGE =
  'Modification refusée par le serveur (le motif détaillé s’est perdu avec une réponse du réseau).';

/** Gap answers accepted in one cycle before giving up until the next one. */
const MAX_GAP_RETRIES = 3;

export type SyncProgress =
  | { readonly phase: 'push'; readonly done: number; readonly total: number }
  | { readonly phase: 'pull'; readonly received: number; readonly pages: number };

export interface SyncCycleResult {
  readonly pushed: number;
  readonly conflicts: number;
  readonly rejected: number;
  readonly pulled: number;
  readonly pages: number;
}

export interface SyncEngineDeps {
  readonly api: SyncApi;
  readonly store: SyncLocalStore;
  readonly now: () => number;
  readonly onProgress?: (progress: SyncProgress) => void;
  /** Records per pull page (the server's default when absent). */
  readonly pullLimit?: number;
  /** Outbox entries read per round (each round is then cut into push batches). */
  readonly outboxChunk?: number;
}

/**
 * One sync cycle: push the whole outbox in order (blobs first), then pull every page. The
 * outbox is only emptied by the pull (an entry goes once a pull says the server applied it),
 * so a push whose answer is lost is simply sent again and answered `alreadyApplied`.
 */
export async function runSyncCycle(deps: SyncEngineDeps): Promise<SyncCycleResult> {
  try {
    const deviceId = await deps.store.deviceId();
    let pushed = { pushed: 0, conflicts: 0, rejected: 0 };
    let pushError: SyncError | null = null;
    try {
      pushed = await pushOutbox(deps, deviceId);
    } catch (error) {
      // A batch the server refuses as a request (400, 413) must not also keep the laptop
      // from receiving: pull anyway, then report the push failure.
      pushError = toSyncError(error);
      if (pushError.kind !== 'rejected') throw pushError;
    }
    const pulled = await pullAll(deps, deviceId);
    if (pushError) throw pushError;
    await deps.store.markSynced(deps.now());
    return { ...pushed, ...pulled };
  } catch (error) {
    throw toSyncError(error);
  }
}

async function pushOutbox(
  deps: SyncEngineDeps,
  deviceId: string,
): Promise<{ pushed: number; conflicts: number; rejected: number }> {
  const { api, store } = deps;
  const chunk = deps.outboxChunk ?? SYNC_LIMITS.maxMutationsPerPush * 10;
  let watermark = await store.pushedThrough();
  const total = await store.outboxCount(watermark);
  let done = 0;
  let conflicts = 0;
  let rejected = 0;
  // Where the next batch starts for the server (its `previousMutationId`): the last id it
  // answered for, or the watermark until a first reply says.
  let previous = watermark;
  let gaps = 0;
  if (total > 0) deps.onProgress?.({ phase: 'push', done, total });
  rounds: for (;;) {
    const pending = await store.outboxAfter(watermark, chunk);
    if (pending.length === 0) break;
    const doneBefore = done;
    const entryIds = pending.map((m) => m.mutationId);
    const sent = new Set<number>();
    let next = 0;
    const folded = coalesceMutations(pending);
    const foldedIds = foldedEntryIds(pending, folded);
    const advance = async () => {
      // Only entries below the first one not yet sent are behind us for good.
      while (next < entryIds.length && sent.has(entryIds[next]!)) next++;
      if (next > 0 && entryIds[next - 1]! > watermark) {
        watermark = entryIds[next - 1]!;
        await store.setPushedThrough(watermark);
      }
      done = doneBefore + next;
      deps.onProgress?.({ phase: 'push', done: Math.min(done, total), total });
    };
    const { sendable, unsendable } = splitSendable(folded);
    if (unsendable.length > 0) {
      const ids = unsendable.flatMap(
        (u) => foldedIds.get(u.mutation.mutationId) ?? [u.mutation.mutationId],
      );
      await store.recordRejections(
        unsendable.map(({ mutation: m, message }) => ({
          mutationId: m.mutationId,
          entity: m.entity,
          recordId: m.recordId,
          reason: 'invalid',
          message,
          changes: m.changes,
          at: m.at,
        })),
        ids,
      );
      for (const id of ids) sent.add(id);
      rejected += unsendable.length;
      await advance();
    }
    for (const batch of pushBatches(sendable)) {
      for (const blob of await store.blobsFor(batch)) await api.putBlob(blob.sha256, blob.bytes);
      const response = await api.push(deviceId, deps.now(), batch, previous);
      if (response.gap) {
        // The server has not processed this device up to where the batch starts (a batch of
        // an earlier cycle still in flight, or entries this device dropped): nothing was
        // applied; start again from the first entry above what it has.
        if (++gaps > MAX_GAP_RETRIES) {
          throw new SyncError(
            'server',
            'Le serveur n’a pas encore reçu des modifications précédentes : la synchronisation sera reprise.',
          );
        }
        watermark = response.lastMutationId;
        previous = watermark;
        await store.setPushedThrough(watermark);
        continue rounds;
      }
      previous = response.lastMutationId;
      checkResults(batch, response.results);
      const rejections: Rejection[] = [];
      const conflicted: Mutation[] = [];
      for (const [i, result] of response.results.entries()) {
        const m = batch[i]!;
        if (result.status === 'conflict') conflicts++;
        if (
          result.status === 'conflict' ||
          (result.status === 'alreadyApplied' && result.original === 'conflict')
        ) {
          conflicted.push(m);
        }
        // A refusal answered to a send whose reply was lost comes back as "already applied":
        // it is the same refusal, and must be kept and undone locally all the same.
        const refused =
          result.status === 'rejected'
            ? { reason: result.reason, message: result.message }
            : result.status === 'alreadyApplied' && result.original === 'rejected'
              ? { reason: null, message: ALREADY_REFUSED_MESSAGE }
              : null;
        if (refused) {
          rejected++;
          rejections.push({
            mutationId: m.mutationId,
            entity: m.entity,
            recordId: m.recordId,
            ...refused,
            changes: m.changes,
            at: m.at,
          });
        }
        for (const id of foldedIds.get(m.mutationId) ?? [m.mutationId]) sent.add(id);
      }
      if (rejections.length > 0) await store.recordRejections(rejections);
      if (conflicted.length > 0) await store.noteConflicts(conflicted);
      await advance();
    }
  }
  return { pushed: done, conflicts, rejected };
}

/** For each folded mutation id, the outbox entry ids it carries. */
function foldedEntryIds(
  entries: readonly Mutation[],
  folded: readonly Mutation[],
): Map<number, number[]> {
  const idOf = new Map<string, number>(
    folded.map((m) => [`${m.entity}:${m.recordId}`, m.mutationId]),
  );
  const result = new Map<number, number[]>();
  for (const e of entries) {
    const id = idOf.get(`${e.entity}:${e.recordId}`)!;
    const list = result.get(id) ?? [];
    list.push(e.mutationId);
    result.set(id, list);
  }
  return result;
}

/** One result per mutation, same order: anything else is a server we must not trust. */
function checkResults(batch: readonly Mutation[], results: readonly MutationResult[]): void {
  const ok =
    results.length === batch.length &&
    results.every((r, i) => r.mutationId === batch[i]!.mutationId);
  if (!ok)
    throw new SyncError(
      'protocol',
      'Réponse du serveur incohérente (résultats des modifications) : synchronisation interrompue, rien n’est perdu.',
    );
}

async function pullAll(
  deps: SyncEngineDeps,
  deviceId: string,
): Promise<{ pulled: number; pages: number }> {
  const { api, store } = deps;
  const position = await store.pullPosition();
  let cursor = position.resync ? '0' : position.cursor;
  let pulled = 0;
  let pages = 0;
  for (;;) {
    const page = await api.pull(deviceId, cursor, deps.pullLimit);
    pulled += await store.applyPullPage(page, {
      forceReset: pages === 0 && position.resync,
      now: deps.now(),
    });
    pages++;
    // A server that says "more" without moving would keep this loop busy forever.
    if (page.hasMore && page.cursor === cursor && page.records.length === 0) {
      throw new SyncError(
        'protocol',
        'Réponse du serveur incohérente (la réception n’avance pas) : synchronisation interrompue, rien n’est perdu.',
      );
    }
    cursor = page.cursor;
    deps.onProgress?.({ phase: 'pull', received: pulled, pages });
    if (!page.hasMore) break;
  }
  return { pulled, pages };
}
