import { randomUUID } from 'node:crypto';
import { mkdir, readdir, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { IpcHandlers } from '../ipc-main';
import { writeFileAtomic } from '../atomic-write';

/** Under userData: one folder per document being printed, removed when its window closes. */
export const PRINT_DIR = 'impressions';
/** A folder older than this was left by a crash (its window is long gone): swept. */
export const PRINT_LEFTOVER_MS = 24 * 3600 * 1000;

type Deps = {
  /** userData/impressions. */
  dir: string;
  /** Shows the file for printing (print-viewer.ts); `closed` settles when its window closes. */
  show: (file: string, title: string) => Promise<{ closed: Promise<void> }>;
  now?: () => number;
};

/**
 * printPdf: the PDF is written to its own folder under userData (not the system's temp
 * folder, which some antivirus and clean-up tools empty under a running viewer), named after
 * the report so the window and the print queue show its number, then shown in the viewer.
 */
export function printHandlers(deps: Deps): Pick<IpcHandlers, 'printPdf'> {
  const now = deps.now ?? Date.now;

  const sweepLeftovers = async () => {
    for (const name of await readdir(deps.dir).catch(() => [] as string[])) {
      const info = await stat(join(deps.dir, name)).catch(() => null);
      if (info && now() - info.mtimeMs > PRINT_LEFTOVER_MS)
        await rm(join(deps.dir, name), { recursive: true, force: true }).catch(() => undefined);
    }
  };

  return {
    async printPdf({ title, bytes }) {
      await sweepLeftovers();
      const job = join(deps.dir, randomUUID());
      await mkdir(job, { recursive: true });
      const file = join(job, `${title}.pdf`);
      const removeJob = () => rm(job, { recursive: true, force: true }).catch(() => undefined);
      let shown: { closed: Promise<void> };
      try {
        await writeFileAtomic(file, bytes);
        shown = await deps.show(file, title);
      } catch (error) {
        await removeJob();
        const message = error instanceof Error ? error.message : String(error);
        return {
          ok: false,
          error: {
            code: 'io',
            message: `Impossible d’afficher le document à imprimer : ${message}`,
          },
        };
      }
      void shown.closed.then(removeJob);
      return { ok: true, value: { shownIn: 'viewer' } };
    },
  };
}
