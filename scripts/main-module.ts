import { realpathSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';

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
