import { describe, expect, it } from 'vitest';
import { pdfNameProblem } from '../../../shared/files/pdf-name';
import { ipcSchemas } from '../../../shared/ipc';

const accepts = (name: string) =>
  ipcSchemas.savePdf.request.safeParse({ suggestedName: name, bytes: new Uint8Array(1) }).success;

describe('PDF names', () => {
  it('accepts the names reports get', () => {
    for (const name of ['BI-2026-JD-0001.pdf', 'BI-2026-JD-0001-v2.pdf', 'Rapport été.PDF']) {
      expect(pdfNameProblem(name), name).toBeNull();
      expect(accepts(name), name).toBe(true);
    }
  });

  it('refuses NUL, newlines and every control character', () => {
    for (const name of [
      'BI\0.pdf',
      'BI\n1.pdf',
      'BI\r.pdf',
      'BI\t.pdf',
      'BI\u007f.pdf',
      'BI\u0085.pdf',
    ]) {
      expect(pdfNameProblem(name), JSON.stringify(name)).toMatch(/contrôle/);
      expect(accepts(name)).toBe(false);
    }
  });

  it('refuses the characters Windows forbids, and path separators', () => {
    for (const name of [
      'a/b.pdf',
      'a\\b.pdf',
      'a:b.pdf',
      'a*.pdf',
      'a?.pdf',
      'a"b.pdf',
      'a<b>.pdf',
      'a|b.pdf',
    ])
      expect(accepts(name), name).toBe(false);
  });

  it('refuses the device names Windows reserves, whatever the case and extension', () => {
    for (const name of [
      'CON.pdf',
      'nul.pdf',
      'Aux.pdf',
      'prn.pdf',
      'COM1.pdf',
      'lpt9.pdf',
      'com¹.pdf',
      'NUL.tar.pdf',
      'CONIN$.pdf',
    ]) {
      expect(pdfNameProblem(name), name).toMatch(/réservé/);
      expect(accepts(name), name).toBe(false);
    }
    expect(pdfNameProblem('CONSOLE.pdf')).toBeNull();
    expect(pdfNameProblem('COM10.pdf')).toBeNull();
  });

  it('refuses hidden, empty, badly ended or non-PDF names', () => {
    for (const name of ['.pdf', '.cache.pdf', 'BI .pdf', 'BI..pdf', 'BI.txt', 'BI.pdf.exe', ''])
      expect(accepts(name), name).toBe(false);
  });
});
