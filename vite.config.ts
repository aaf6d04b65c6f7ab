import { readFileSync } from 'node:fs';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

const pkg = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8')) as {
  version: string;
};
const port = Number(process.env.PORT ?? 5173);

export default defineConfig({
  root: 'renderer',
  // Relative asset URLs: the same build is served from app://bordereau/ and from any static server.
  base: './',
  plugins: [react()],
  define: { 'import.meta.env.VITE_APP_VERSION': JSON.stringify(pkg.version) },
  build: { outDir: '../dist/renderer', emptyOutDir: true, sourcemap: true, target: 'chrome120' },
  // The dev origin is also a storage origin (IndexedDB): never let the port drift.
  server: { host: '127.0.0.1', port, strictPort: true },
  preview: { host: '127.0.0.1', port, strictPort: true },
});
