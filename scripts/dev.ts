import { spawn, type ChildProcess } from 'node:child_process';
import { createRequire } from 'node:module';
import { context, type Plugin } from 'esbuild';
import { createServer } from 'vite';
import { electronBuilds } from './build-electron';

/**
 * `npm run dev`: the Vite dev server (hot reload of the renderer) and the shell rebuilt on
 * change, Electron restarted after each shell rebuild. Development data lives in the
 * separate `Bordereau-dev` userData folder.
 */
const DEV_URL = 'http://127.0.0.1:5173/';
const electronBinary = createRequire(import.meta.url)('electron') as unknown as string;

const vite = await createServer({
  configFile: 'vite.config.ts',
  server: { port: 5173, strictPort: true },
});
await vite.listen();
vite.printUrls();

let child: ChildProcess | null = null;
let stopping = false;
const restart = () => {
  if (child) {
    child.removeAllListeners('exit');
    child.kill();
  }
  child = spawn(electronBinary, ['.'], {
    stdio: 'inherit',
    env: { ...process.env, BORDEREAU_DEV_SERVER_URL: DEV_URL },
  });
  child.on('exit', () => {
    if (!stopping) void shutdown();
  });
};

const restartOnBuild: Plugin = {
  name: 'restart-electron',
  setup(build) {
    build.onEnd((result) => {
      if (result.errors.length === 0) restart();
    });
  },
};

// Only the main bundle restarts Electron; the preload is picked up by that restart too.
const [mainBuild, preloadBuild] = electronBuilds;
const preloadContext = await context(preloadBuild!);
await preloadContext.rebuild();
await preloadContext.watch();
const mainContext = await context({ ...mainBuild!, plugins: [restartOnBuild] });
await mainContext.watch();

async function shutdown() {
  stopping = true;
  child?.kill();
  await Promise.all([mainContext.dispose(), preloadContext.dispose(), vite.close()]);
  process.exit(0);
}
process.on('SIGINT', () => void shutdown());
process.on('SIGTERM', () => void shutdown());
