import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, utimesSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { PRINT_LEFTOVER_MS, printHandlers } from '../../../electron/handlers/print';

const pdf = new TextEncoder().encode('%PDF-1.7\n%bordereau\n');

function setup(options: { fail?: Error } = {}) {
  const dir = join(mkdtempSync(join(tmpdir(), 'bordereau-print-')), 'impressions');
  const shown: { file: string; title: string; bytes: string }[] = [];
  let close: () => void = () => undefined;
  const handlers = printHandlers({
    dir,
    show: async (file, title) => {
      if (options.fail) throw options.fail;
      shown.push({ file, title, bytes: readFileSync(file, 'latin1') });
      return { closed: new Promise<void>((resolve) => (close = resolve)) };
    },
  });
  return { dir, shown, handlers, close: () => close() };
}

describe('printPdf', () => {
  it('writes the PDF under userData, named after the report, shows it, and removes it when its window closes', async () => {
    const { dir, shown, handlers, close } = setup();
    expect(await handlers.printPdf({ title: 'BI-2026-JD-0042-v2', bytes: pdf })).toEqual({
      ok: true,
      value: { shownIn: 'viewer' },
    });
    expect(shown).toHaveLength(1);
    const [{ file, title, bytes }] = shown as [(typeof shown)[number]];
    expect(title).toBe('BI-2026-JD-0042-v2');
    expect(basename(file)).toBe('BI-2026-JD-0042-v2.pdf');
    expect(dirname(dirname(file))).toBe(dir);
    expect(bytes).toBe('%PDF-1.7\n%bordereau\n');
    expect(existsSync(file)).toBe(true);

    close();
    await vi.waitFor(() => expect(readdirSync(dir)).toEqual([]));
    expect(existsSync(file)).toBe(false);
  });

  it('gives each print its own folder: the same report printed twice is two files', async () => {
    const { shown, handlers } = setup();
    await handlers.printPdf({ title: 'BI-1', bytes: pdf });
    await handlers.printPdf({ title: 'BI-1', bytes: pdf });
    expect(new Set(shown.map((s) => s.file)).size).toBe(2);
    expect(shown.every((s) => existsSync(s.file))).toBe(true);
  });

  it('answers a viewer that cannot open with a French message, leaving no file behind', async () => {
    const { dir, handlers } = setup({ fail: new Error('ERR_FAILED') });
    expect(await handlers.printPdf({ title: 'BI-1', bytes: pdf })).toEqual({
      ok: false,
      error: {
        code: 'io',
        message: 'Impossible d’afficher le document à imprimer : ERR_FAILED',
      },
    });
    expect(readdirSync(dir)).toEqual([]);
  });

  it('sweeps the folders a crash left behind, past a day, and keeps recent ones', async () => {
    const { dir, handlers } = setup();
    const old = join(dir, 'ancien');
    const recent = join(dir, 'recent');
    mkdirSync(old, { recursive: true });
    mkdirSync(recent, { recursive: true });
    const past = (Date.now() - PRINT_LEFTOVER_MS - 60_000) / 1000;
    utimesSync(old, past, past);
    await handlers.printPdf({ title: 'BI-1', bytes: pdf });
    expect(existsSync(old)).toBe(false);
    expect(existsSync(recent)).toBe(true);
  });
});
