import 'fake-indexeddb/auto';
import { cleanup } from '@testing-library/react';
import { afterEach } from 'vitest';

/**
 * The components project: screens rendered in happy-dom, their data in fake-indexeddb.
 * happy-dom draws nothing: a canvas gets a 2D context that records no pixels, enough for
 * signature_pad to start (an untouched pad is empty, as on screen).
 */
afterEach(() => cleanup());

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
