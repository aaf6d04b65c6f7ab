import { spawn, type ChildProcess } from 'node:child_process';
import { createRequire } from 'node:module';
import { context, type BuildContext, type Plugin } from 'esbuild';
import { createServer } from 'vite';
import { electronBuilds } from './build-electron';
import { isMainModule } from './main-module';
import { printHelpAndExitIfAsked } from './help-flag';

/**
 * `npm run dev`: the Vite dev server (hot reload of the renderer) and the shell rebuilt on
 * change, Electron restarted after each rebuild of main or preload. Development data lives in
 * the separate `Bordereau-dev` userData folder.
 */
const DEV_URL = 'http://127.0.0.1:5173/';

export type ElectronChild = Pick<ChildProcess, 'kill' | 'once' | 'exitCode' | 'signalCode'>;

/**
 * Runs one Electron at a time. A restart kills the running one and waits for its exit before
 * spawning the next: started earlier, the new one would find the single-instance lock still
 * held, quit at once, and end the dev session. Only the exit of the current Electron (the
 * developer closed it) calls `onQuit`; one replaced by a restart exits quietly. Restarts asked
 * for while one waits are folded into it: the Electron it spawns loads the newest bundles.
 */
export function electronRunner(options: {
  spawn: () => ElectronChild;
  onQuit: () => void;
  /** After this long without an exit, the old Electron is killed with SIGKILL. */
  killTimeoutMs?: number;
}) {
  let child: ElectronChild | null = null;
  let stopped = false;
  let restartPending = false;
  let queue: Promise<void> = Promise.resolve();

  const start = () => {
    const proc = options.spawn();
    child = proc;
    const quit = () => {
      if (child !== proc || stopped) return;
      child = null;
      options.onQuit();
    };
    proc.once('exit', quit);
    proc.once('error', (error) => {
      console.error('Electron :', error);
      quit();
    });
  };

  const stopChild = async () => {
    const old = child;
    // From here on its exit is the restart's (or the shutdown's), not the developer's.
    child = null;
    if (!old || old.exitCode !== null || old.signalCode !== null) return;
    const exited = new Promise<void>((resolve) => old.once('exit', () => resolve()));
    old.kill();
    const timer = setTimeout(() => old.kill('SIGKILL'), options.killTimeoutMs ?? 5000);
    await exited;
    clearTimeout(timer);
  };

  return {
    /** Starts Electron, or restarts it once the running one has exited. */
    restart(): Promise<void> {
      if (stopped || restartPending) return queue;
      restartPending = true;
      queue = queue
        .then(async () => {
          await stopChild();
          restartPending = false;
          if (!stopped) start();
        })
        .catch((error: unknown) => {
          restartPending = false;
          console.error('Redémarrage d’Electron impossible :', error);
        });
      return queue;
    },
    /** Stops Electron for good (end of the dev session). */
    async stop(): Promise<void> {
      stopped = true;
      await stopChild();
      await queue;
    },
  };
}

async function main() {
  // Resolved here, not at import: without the downloaded binary, require('electron') throws.
  const electronBinary = createRequire(import.meta.url)('electron') as unknown as string;

  const vite = await createServer({
    configFile: 'vite.config.ts',
    server: { port: 5173, strictPort: true },
  });
  await vite.listen();
  vite.printUrls();

  const contexts: BuildContext[] = [];
  let shuttingDown = false;
  const shutdown = async () => {
    if (shuttingDown) return;
    shuttingDown = true;
    await electron.stop();
    await Promise.all([...contexts.map((c) => c.dispose()), vite.close()]);
    process.exit(0);
  };

  const electron = electronRunner({
    spawn: () =>
      spawn(electronBinary, ['.'], {
        stdio: 'inherit',
        env: { ...process.env, BORDEREAU_DEV_SERVER_URL: DEV_URL },
      }),
    onQuit: () => void shutdown(),
  });

  // Main and preload both restart Electron (a sandboxed preload is read once per page load,
  // and only a restart is sure to load a new main). The first start waits for both bundles.
  const built = new Set<string>();
  const restartOnBuild = (bundle: string): Plugin => ({
    name: 'restart-electron',
    setup(build) {
      build.onEnd((result) => {
        if (result.errors.length > 0) return;
        built.add(bundle);
        if (built.size === electronBuilds.length) void electron.restart();
      });
    },
  });

  for (const [index, options] of electronBuilds.entries()) {
    contexts.push(await context({ ...options, plugins: [restartOnBuild(String(index))] }));
  }
  // watch() runs a first build of each bundle.
  await Promise.all(contexts.map((c) => c.watch()));

  process.on('SIGINT', () => void shutdown());
  process.on('SIGTERM', () => void shutdown());
}

if (isMainModule(process.argv[1], import.meta.url)) {
  printHelpAndExitIfAsked(
    process.argv,
    'npm run dev\n\nLance le renderer (Vite, rechargement à chaud) et l’application Electron, reconstruite et relancée à chaque modification de electron/. Il faut le binaire Electron ; sans lui, npm run web sert le renderer dans un navigateur.',
  );
  await main();
}
