import { useEffect, useState } from 'react';

/**
 * How long after the page has loaded the start-up's optional work waits, at the least: the
 * first screen (the client list: its route chunk, then its IndexedDB reads) is up in well
 * under this on a technician's laptop, and nothing below must compete with it for the two
 * cores (docs/benchmarks.md, Inventory on disk, third pass).
 */
const AFTER_LOAD_MS = 1_000;

/**
 * Runs `task` once the first screen is up: after the page's load event, AFTER_LOAD_MS, then
 * the browser's next idle moment (at the latest 3 s later).
 */
export function afterStartUp(task: () => void): void {
  const idle = () => {
    if (typeof requestIdleCallback === 'function') requestIdleCallback(task, { timeout: 3_000 });
    else task();
  };
  const wait = () => setTimeout(idle, AFTER_LOAD_MS);
  if (document.readyState === 'complete') wait();
  else window.addEventListener('load', wait, { once: true });
}

/** False until the first screen is up (afterStartUp), then true. */
export function useAfterStartUp(): boolean {
  const [started, setStarted] = useState(false);
  useEffect(() => {
    let live = true;
    afterStartUp(() => {
      if (live) setStarted(true);
    });
    return () => {
      live = false;
    };
  }, []);
  return started;
}
