import 'fake-indexeddb/auto';
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { cleanup } from '@testing-library/react';
import { afterEach } from 'vitest';

/**
 * The components project: screens rendered in happy-dom, their data in fake-indexeddb.
 * happy-dom draws nothing: a canvas gets a 2D context that records no pixels, enough for
 * signature_pad to start (an untouched pad is empty, as on screen).
 */
afterEach(() => cleanup());

/*
 * The report's fonts are fetched by URL (renderer/use-cases/reports/report-fonts.ts), which
 * Vite resolves under /node_modules/ in tests, and the screens that make PDFs start reading
 * them when imported: no server stands behind happy-dom's page (each read failed with
 * ECONNREFUSED in the output). They are read from disk, as the built app's server serves them.
 */
const pageFetch = globalThis.fetch;
globalThis.fetch = (async (input: RequestInfo | URL, init?: RequestInit) => {
  const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
  if (url.startsWith('/node_modules/') && url.endsWith('.ttf'))
    return new Response(new Uint8Array(await readFile(resolve(url.slice(1)))));
  return pageFetch(input, init);
}) as typeof fetch;

const noop = () => undefined;
const context2d = new Proxy(
  {},
  {
    get: (_target, key) =>
      key === 'getImageData'
        ? () => ({ data: new Uint8ClampedArray(4) })
        : key === 'canvas'
          ? undefined
          : noop,
    set: () => true,
  },
);
HTMLCanvasElement.prototype.getContext = function getContext() {
  return context2d as unknown as CanvasRenderingContext2D;
} as unknown as HTMLCanvasElement['getContext'];

/*
 * happy-dom fires `selectionchange` synchronously inside Selection.collapse; browsers queue it.
 * react-aria's date segments collapse the selection on `selectionchange`, so in happy-dom the
 * two call each other until the stack overflows. A collapse made while one is running is the
 * same collapse: it is skipped, as the queued event would find the selection already there.
 */
const collapse = Selection.prototype.collapse;
let collapsing = false;
Selection.prototype.collapse = function collapseOnce(this: Selection, ...args) {
  if (collapsing) return;
  collapsing = true;
  try {
    collapse.apply(this, args);
  } finally {
    collapsing = false;
  }
} as Selection['collapse'];
