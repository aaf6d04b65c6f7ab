import { useEffect, useState } from 'react';

/**
 * False until `ready` has been true through one painted frame, then true for good: for reads
 * a screen wants only once its first content is on screen. A read started in the same commit
 * as the rows competed with their first paint (at start-up, the client list's 500 rows waited
 * for every contact to be read and rendered again: 0.3–0.4 s, docs/benchmarks.md, Inventory
 * on disk). The frame callback runs before the paint; the timeout after it.
 */
export function useAfterPaint(ready: boolean): boolean {
  const [painted, setPainted] = useState(false);
  useEffect(() => {
    if (!ready || painted) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const frame = requestAnimationFrame(() => {
      timer = setTimeout(() => setPainted(true), 0);
    });
    return () => {
      cancelAnimationFrame(frame);
      if (timer !== undefined) clearTimeout(timer);
    };
  }, [ready, painted]);
  return painted;
}
