import { randomUUID } from 'node:crypto';
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname } from 'node:path';

/** The French message for a target Windows keeps locked (a PDF open in a viewer). */
export class FileInUseError extends Error {
  constructor(path: string) {
    super(
      `Le fichier ${basename(path)} est ouvert dans une autre application (une visionneuse PDF ?) : fermez-le, puis enregistrez à nouveau.`,
    );
    this.name = 'FileInUseError';
  }
}

const LOCKED_CODES = new Set(['EBUSY', 'EPERM', 'EACCES']);

export type AtomicFs = {
  writeFile: (path: string, data: string | Uint8Array) => Promise<void>;
  rename: (from: string, to: string) => Promise<void>;
};

const nodeFs: AtomicFs = {
  writeFile: (path, data) => writeFile(path, data, { flush: true }),
  rename,
};

/**
 * Write-then-rename, so a crash mid-write never leaves a truncated file behind. A failed write
 * or rename removes its temporary file (no `.tmp` debris next to the user's documents). On
 * Windows, replacing a file another program holds open (Acrobat keeps its PDF locked) fails
 * with EBUSY/EPERM: the error then says so in French, and the open file is left as it was.
 */
export async function writeFileAtomic(
  path: string,
  data: string | Uint8Array,
  fs: AtomicFs = nodeFs,
  platform: NodeJS.Platform = process.platform,
): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  const tmp = `${path}.${randomUUID()}.tmp`;
  try {
    await fs.writeFile(tmp, data);
    await fs.rename(tmp, path);
  } catch (error) {
    await rm(tmp, { force: true }).catch(() => undefined);
    const code = (error as NodeJS.ErrnoException).code;
    if (platform === 'win32' && code && LOCKED_CODES.has(code)) throw new FileInUseError(path);
    throw error;
  }
}
