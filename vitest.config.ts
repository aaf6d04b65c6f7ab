import { defineConfig } from 'vitest/config';

// Three projects: `unit` (node environment: shared/, server/, electron/ and the renderer's
// data layer over fake-indexeddb), `components` (the renderer's screens rendered in
// happy-dom over fake-indexeddb, `*.test.tsx` under test/renderer/features and ui; a DOM of its
// own so the unit project keeps node's speed) and `e2e` (real Chromium driven by
// playwright-core against the built renderer; needs `npm run build:web` first, which
// `npm test` does).
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: [
            'test/{shared,renderer,electron,server,scripts,integration}/**/*.test.{ts,tsx}',
          ],
          exclude: ['test/renderer/{features,ui}/**/*.test.tsx'],
          environment: 'node',
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      {
        test: {
          name: 'components',
          include: ['test/renderer/{features,ui}/**/*.test.tsx'],
          environment: 'happy-dom',
          setupFiles: ['test/renderer/features/component-setup.ts'],
          testTimeout: 30_000,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts'],
          environment: 'node',
          testTimeout: 120_000,
          hookTimeout: 120_000,
          // One browser at a time: the machines have 2 cores.
          fileParallelism: false,
        },
      },
    ],
  },
});
