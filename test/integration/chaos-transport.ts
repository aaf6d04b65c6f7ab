import type { Transport } from '../../renderer/sync/transport';

/** A small seeded PRNG (mulberry32): the same seed replays the same run. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface ChaosStats {
  requests: number;
  droppedBefore: number;
  droppedAfter: number;
  duplicated: number;
  delayed: number;
}

export interface ChaosOptions {
  readonly random: () => number;
  readonly dropBefore: number;
  readonly dropAfter: number;
  readonly duplicate: number;
  readonly maxDelayMs: number;
}

/**
 * A faulty network between one laptop and the server: requests lost before reaching it,
 * answers lost after it committed, requests delivered twice (the copy late, so it overtakes
 * or trails later requests: reordering), random delays. Every stray copy is tracked so the
 * test can wait for the network to fall silent before comparing.
 */
export function chaosTransport(
  inner: Transport,
  options: ChaosOptions,
  stats: ChaosStats,
  inFlight: Set<Promise<unknown>>,
): Transport {
  const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));
  let sent = 0;
  return async (url, init) => {
    stats.requests++;
    sent++;
    const { random } = options;
    // Besides the random faults, this link's 2nd request is always duplicated and the answer
    // to its 3rd always lost: every run exercises both, whatever the seed.
    const forceDuplicate = sent === 2;
    const forceDropAfter = sent === 3;
    const delay = Math.floor(random() * options.maxDelayMs);
    if (delay > 0) stats.delayed++;
    await sleep(delay);
    if (random() < options.dropBefore) {
      stats.droppedBefore++;
      throw new TypeError('network error (request lost)');
    }
    if (random() < options.duplicate || forceDuplicate) {
      stats.duplicated++;
      const copyDelay = Math.floor(random() * options.maxDelayMs * 3);
      const copy = sleep(copyDelay).then(() =>
        inner(url, init)
          .then((r) => r.arrayBuffer())
          .catch(() => undefined),
      );
      inFlight.add(copy);
      void copy.finally(() => inFlight.delete(copy));
    }
    const response = await inner(url, init);
    if (random() < options.dropAfter || forceDropAfter) {
      stats.droppedAfter++;
      await response.arrayBuffer();
      throw new TypeError('network error (response lost)');
    }
    return response;
  };
}
