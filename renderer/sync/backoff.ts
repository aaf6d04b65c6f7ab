/**
 * Delay before retry number `attempt` (1 = first retry): "full jitter", a random delay
 * between 0 and min(cap, base × 2^(attempt−1)), so laptops that lost the network together
 * do not all come back at the same second.
 */
export function backoffDelay(
  attempt: number,
  random: () => number,
  baseMs = 5_000,
  capMs = 5 * 60_000,
): number {
  const ceiling = Math.min(capMs, baseMs * 2 ** Math.max(0, Math.min(attempt - 1, 30)));
  return Math.floor(random() * ceiling);
}
