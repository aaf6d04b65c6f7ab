import { readFileSync } from 'node:fs';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { VitePWA } from 'vite-plugin-pwa';

const pkg = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8')) as {
  version: string;
};
const port = Number(process.env.PORT ?? 5173);

export default defineConfig({
  root: 'renderer',
  // Relative asset URLs: the same build is served from app://bordereau/ and from any static server.
  base: './',
  plugins: [
    react(),
    /**
     * The browser build's service worker (docs/report.md, "Hors ligne dans le navigateur"):
     * Workbox precaches the whole app shell — every route chunk, the stylesheet, the icon and
     * the report's three .ttf fonts — at the first visit, so a browser that loaded the app
     * once online opens and produces a PDF offline, fonts included, even if no PDF was made
     * before. The desktop shell never registers it (renderer/platform/service-worker-policy.ts):
     * it serves the same files from app:// on disk.
     */
    VitePWA({
      // A new version waits until every tab of the app is closed: never swapped under a
      // technician in the middle of a visit or a signature (renderer/platform/service-worker.ts).
      registerType: 'prompt',
      // Registered by main.tsx, in a plain browser only.
      injectRegister: false,
      manifest: false,
      workbox: {
        globPatterns: ['**/*.{html,js,css,ttf,png,svg,ico,wasm}'],
        // The PDF chunk (≈ 1 MB) and each font (≈ 650 KiB) must fit; a bigger file would be
        // left out of the precache silently, hence the margin.
        maximumFileSizeToCacheInBytes: 8 * 1024 * 1024,
        // Hash routes (#/…): the only document is index.html, precached. No fallback for other
        // paths, so the pages of a server sharing this origin are never answered with the app.
        navigateFallback: null,
        cleanupOutdatedCaches: true,
      },
    }),
  ],
  define: { 'import.meta.env.VITE_APP_VERSION': JSON.stringify(pkg.version) },
  build: { outDir: '../dist/renderer', emptyOutDir: true, sourcemap: true, target: 'chrome120' },
  // The dev origin is also a storage origin (IndexedDB): never let the port drift.
  server: { host: '127.0.0.1', port, strictPort: true },
  preview: { host: '127.0.0.1', port, strictPort: true },
});
