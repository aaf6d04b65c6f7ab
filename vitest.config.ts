import { defineConfig } from 'vitest/config';

// Two projects: `unit` (node environment: shared/, server/, electron/ and the renderer's
// data layer over fake-indexeddb) and `e2e` (real Chromium driven by playwright-core
// against the built renderer; needs `npm run build:web` first, which `npm test` does).
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: [
            'test/{shared,renderer,electron,server,scripts,integration}/**/*.test.{ts,tsx}',
          ],
          environment: 'node',
          testTimeout: 30_000,
          hookTimeout: 60_000,
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
