import { build, type BuildOptions } from 'esbuild';
import { isMainModule } from './main-module';
import { printHelpAndExitIfAsked } from './help-flag';

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

export async function buildElectron(): Promise<void> {
  await Promise.all(electronBuilds.map((options) => build(options)));
  console.log('dist/electron: main.cjs, preload.cjs');
}

if (isMainModule(process.argv[1], import.meta.url)) {
  printHelpAndExitIfAsked(
    process.argv,
    'npm run build:electron\n\nConstruit dist/electron/main.cjs et preload.cjs (esbuild) ; npm run build construit aussi le renderer.',
  );
  await buildElectron();
}
