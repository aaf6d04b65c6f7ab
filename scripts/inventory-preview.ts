import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { encodingFromName } from '../shared/inventory/csv/encoding';
import { analyseImport } from '../shared/inventory/csv/import-analysis';
import { previewOptionsSchema, previewReport } from '../shared/inventory/csv/preview-report';
import { readInventoryFile } from '../shared/inventory/csv/read-file';
import { isMainModule } from './main-module';

/** The client the preview imports into: none of our sites or equipment (a first import). */
const NO_CLIENT = { clientId: '00000000-0000-7000-8000-000000000000', sites: [], existing: [] };

/**
 * What importing a client's file would do, as one JSON object on stdout, with the same
 * shared code as the app (support reproduces a user's import; tests check the reading):
 *
 *   npm run -s inventory:preview -- FILE [--encoding utf-8|windows-1252|macintosh|utf-16]
 *                                        [--date-order dmy|mdy|ymd]
 *
 * Exit 0 when the file could be read (rejected rows included), 1 with a French message on
 * stderr when it could not.
 */
export async function main(argv: readonly string[]): Promise<number> {
  let raw;
  try {
    raw = parseArgs({
      args: [...argv],
      allowPositionals: true,
      options: { encoding: { type: 'string' }, 'date-order': { type: 'string' } },
    });
  } catch (error) {
    process.stderr.write(`Option inconnue : ${error instanceof Error ? error.message : error}\n`);
    return 1;
  }
  const parsed = previewOptionsSchema.safeParse({
    file: raw.positionals[0],
    encoding: raw.values.encoding,
    dateOrder: raw.values['date-order'],
  });
  if (!parsed.success) {
    process.stderr.write(`${parsed.error.issues.map((i) => i.message).join('\n')}\n`);
    return 1;
  }
  const options = parsed.data;
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(await readFile(options.file));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    process.stderr.write(
      code === 'ENOENT'
        ? `Fichier introuvable : ${options.file}\n`
        : `Lecture impossible de ${options.file} (${code ?? String(error)})\n`,
    );
    return 1;
  }
  const encoding = options.encoding ? encodingFromName(options.encoding, bytes) : undefined;
  const file = await readInventoryFile(bytes, encoding ? { encoding } : {});
  if (!file.ok) {
    process.stderr.write(`${file.message}\n`);
    return 1;
  }
  const analysis = analyseImport(file, NO_CLIENT, { dateOrder: options.dateOrder });
  process.stdout.write(`${JSON.stringify(previewReport(file, analysis), null, 2)}\n`);
  return 0;
}

if (isMainModule(process.argv[1], import.meta.url)) {
  process.exitCode = await main(process.argv.slice(2));
}
