import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { englishExport, windows1252Export } from '../fixtures/inventory/files';

const run = promisify(execFile);

/** The command as support runs it, in a child process: stdout, stderr and exit code. */
async function preview(...args: string[]) {
  try {
    const { stdout, stderr } = await run('node_modules/.bin/tsx', [
      'scripts/inventory-preview.ts',
      ...args,
    ]);
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

describe('npm run inventory:preview', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'inventory-preview-'));
    await writeFile(join(dir, 'english.csv'), englishExport());
    await writeFile(join(dir, 'excel.csv'), windows1252Export());
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('prints the JSON of what importing the file would do', async () => {
    const { code, stdout } = await preview(join(dir, 'english.csv'));
    expect(code).toBe(0);
    const report = JSON.parse(stdout);
    expect(report).toMatchObject({
      encoding: 'utf-8',
      delimiter: ',',
      dateOrder: 'mdy',
      rows: 9,
      accepted: 8,
      rejected: [{ line: 7, reasons: [expect.stringMatching(/Jun 5, 2021/)] }],
      mapping: { serialNumber: 'Serial', assetTag: 'Asset Tag', purchaseDate: 'Purchase Date' },
      categoryValues: {
        Desktop: 'desktop',
        Laptop: 'laptop',
        Monitor: 'screen',
        Kiosk: 'other',
        Printer: 'printer',
      },
    });
    expect(report.warnings.map((w: { line: number; field: string }) => [w.line, w.field])).toEqual([
      [4, 'serialNumber'],
      [4, 'assetTag'],
    ]);
  });

  it('reads with the encoding and date order given', async () => {
    const { code, stdout } = await preview(
      join(dir, 'excel.csv'),
      '--encoding',
      'macintosh',
      '--date-order',
      'mdy',
    );
    expect(code).toBe(0);
    const report = JSON.parse(stdout);
    expect([report.encoding, report.dateOrder]).toEqual(['macintosh', 'mdy']);
    // Read as Mac Roman, the è of "Modèle" (0xE8) comes out as "Ë".
    expect(report.mapping.model).toBe('ModËle');
  });

  it('exits 1 with a French message when the file cannot be read', async () => {
    const missing = await preview(join(dir, 'absent.csv'));
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/^Fichier introuvable : /);
    const badOption = await preview(join(dir, 'english.csv'), '--encoding', 'ebcdic');
    expect(badOption.code).toBe(1);
    expect(badOption.stderr).toBe('Encodage inconnu : utf-8, utf-16, windows-1252 ou macintosh.\n');
  });
});
