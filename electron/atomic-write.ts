import { randomUUID } from 'node:crypto';
import { rename, writeFile, mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';

/** Write-then-rename, so a crash mid-write never leaves a truncated file behind. */
export async function writeFileAtomic(path: string, data: string | Uint8Array): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  const tmp = `${path}.${randomUUID()}.tmp`;
  await writeFile(tmp, data, { flush: true });
  await rename(tmp, path);
}
