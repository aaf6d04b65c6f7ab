/**
 * How the sync engine reaches the server: `fetch`'s shape, injected so tests can put a
 * lossy proxy (drops, duplicates, delays) between the engine and a real server.
 */
export type Transport = (url: string, init: RequestInit) => Promise<Response>;

/** The browser's fetch, bound (an unbound `fetch` throws "Illegal invocation" in Chromium). */
export const fetchTransport: Transport = (url, init) => fetch(url, init);
