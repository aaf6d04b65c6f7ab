import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { rename, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FileInUseError, writeFileAtomic, type AtomicFs } from '../../electron/atomic-write';

const dir = () => mkdtempSync(join(tmpdir(), 'bordereau-atomic-'));
const realFs: AtomicFs = { writeFile: (p, d) => writeFile(p, d), rename };

describe('writeFileAtomic', () => {
  it('replaces the file and leaves no temporary file', async () => {
    const folder = dir();
    writeFileSync(join(folder, 'BI-1.pdf'), 'ancien');
    await writeFileAtomic(join(folder, 'BI-1.pdf'), 'nouveau');
    expect(readFileSync(join(folder, 'BI-1.pdf'), 'utf8')).toBe('nouveau');
    expect(readdirSync(folder)).toEqual(['BI-1.pdf']);
  });

  it('removes its temporary file when the rename fails, keeping the old file', async () => {
    const folder = dir();
    writeFileSync(join(folder, 'BI-1.pdf'), 'ancien');
    const failing: AtomicFs = {
      ...realFs,
      rename: async () => {
        throw Object.assign(new Error('EXDEV: cross-device link'), { code: 'EXDEV' });
      },
    };
    await expect(
      writeFileAtomic(join(folder, 'BI-1.pdf'), 'nouveau', failing, 'linux'),
    ).rejects.toThrow(/EXDEV/);
    expect(readdirSync(folder)).toEqual(['BI-1.pdf']);
    expect(readFileSync(join(folder, 'BI-1.pdf'), 'utf8')).toBe('ancien');
  });

  it('removes its temporary file when the write itself fails (disk full)', async () => {
    const folder = dir();
    const failing: AtomicFs = {
      rename,
      writeFile: async (path, data) => {
        await writeFile(path, String(data).slice(0, 2));
        throw Object.assign(new Error('ENOSPC: no space left on device'), { code: 'ENOSPC' });
      },
    };
    await expect(writeFileAtomic(join(folder, 'x.json'), '{"a":1}', failing)).rejects.toThrow(
      /ENOSPC/,
    );
    expect(readdirSync(folder)).toEqual([]);
  });

  it.each(['EBUSY', 'EPERM', 'EACCES'])(
    'on Windows, says in French that the file is open elsewhere (%s)',
    async (code) => {
      const folder = dir();
      writeFileSync(join(folder, 'BI-1.pdf'), 'ouvert dans Acrobat');
      const locked: AtomicFs = {
        ...realFs,
        rename: async () => {
          throw Object.assign(new Error(`${code}: resource busy or locked`), { code });
        },
      };
      const attempt = writeFileAtomic(join(folder, 'BI-1.pdf'), 'nouveau', locked, 'win32');
      await expect(attempt).rejects.toBeInstanceOf(FileInUseError);
      await expect(
        writeFileAtomic(join(folder, 'BI-1.pdf'), 'nouveau', locked, 'win32'),
      ).rejects.toThrow(/BI-1\.pdf est ouvert dans une autre application.*fermez-le/);
      expect(readdirSync(folder)).toEqual(['BI-1.pdf']);
      expect(readFileSync(join(folder, 'BI-1.pdf'), 'utf8')).toBe('ouvert dans Acrobat');
    },
  );
});
