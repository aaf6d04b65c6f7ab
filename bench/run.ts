import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/**
 * `npm run bench [-- NAME…]`: runs every bench/*.bench.ts in turn (or those whose name
 * contains one of the arguments). Each file is a plain script that prints its figures;
 * docs/benchmarks.md records them with the command that reproduces each.
 */
const dir = fileURLToPath(new URL('.', import.meta.url));
const filters = process.argv.slice(2);
const files = readdirSync(dir)
  .filter((name) => name.endsWith('.bench.ts'))
  .filter((name) => filters.length === 0 || filters.some((f) => name.includes(f)))
  .sort();

if (files.length === 0) {
  console.error(`Aucun benchmark ne correspond à : ${filters.join(', ')}`);
  process.exit(1);
}
for (const file of files) {
  console.log(`\n=== ${file} ===`);
  const started = performance.now();
  await import(new URL(file, import.meta.url).href);
  console.log(`(${file}: ${((performance.now() - started) / 1000).toFixed(1)} s)`);
}
