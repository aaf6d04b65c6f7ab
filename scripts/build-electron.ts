import { realpathSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build, type BuildOptions } from 'esbuild';

/**
 * Bundles the shell: main and preload each as one CommonJS file (a sandboxed preload cannot
 * load chunks or ESM: electron-vite #282, electron/electron#48668). `electron` stays external;
 * everything else, node_modules included, is bundled, which is why electron-builder.yml packs
 * no node_modules.
 */
export const electronBuilds: BuildOptions[] = [
  { entryPoints: ['electron/main.ts'], outfile: 'dist/electron/main.cjs' },
  { entryPoints: ['electron/preload.ts'], outfile: 'dist/electron/preload.cjs' },
].map((entry) => ({
  ...entry,
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node22',
  external: ['electron'],
  sourcemap: true,
  logLevel: 'warning',
}));

/**
 * True when `moduleUrl` (a module's `import.meta.url`) is the script Node was started with
 * (`entry`, i.e. `process.argv[1]`). Compared as real paths turned into file URLs: a URL built
 * by string concatenation misses Windows drive letters and backslashes, percent-encoded spaces
 * and accents, and symlinked checkouts, and the build then silently did nothing.
 */
export function isMainModule(entry: string | undefined, moduleUrl: string): boolean {
  if (!entry) return false;
  const real = (path: string) => {
    try {
      // .native: the OS's canonical spelling (drive letter and case on Windows) on both sides.
      return realpathSync.native(path);
    } catch {
      return path;
    }
  };
  return pathToFileURL(real(entry)).href === pathToFileURL(real(fileURLToPath(moduleUrl))).href;
}

export async function buildElectron(): Promise<void> {
  await Promise.all(electronBuilds.map((options) => build(options)));
  console.log('dist/electron: main.cjs, preload.cjs');
}

if (isMainModule(process.argv[1], import.meta.url)) await buildElectron();
