import { describe, expect, it } from 'vitest';
import { guessMapping } from '../../../shared/inventory/csv/columns';
import { planImport } from '../../../shared/inventory/csv/import-plan';
import { MAX_CSV_CHARS, parseCsv } from '../../../shared/inventory/csv/parse';

function ok(text: string) {
  const result = parseCsv(text);
  if (!result.ok) throw new Error(result.message);
  return result;
}

describe('parseCsv', () => {
  it('reads an Excel FR file: BOM, semicolons, CRLF, quoted cells with separators and line breaks', () => {
    const csv = ok(
      '\uFEFFNom;Numéro de série;Commentaires\r\nPC-01;ABC123;"écran; clavier"\r\nPC-02;DEF456;"ligne 1\r\nligne 2"\r\n',
    );
    expect(csv.delimiter).toBe(';');
    expect(csv.headers).toEqual(['Nom', 'Numéro de série', 'Commentaires']);
    expect(csv.rows).toEqual([
      { line: 2, cells: ['PC-01', 'ABC123', 'écran; clavier'] },
      { line: 3, cells: ['PC-02', 'DEF456', 'ligne 1\r\nligne 2'] },
    ]);
  });

  it('detects commas (GLPI export) and ignores blank lines', () => {
    const csv = ok('Nom,Fabricant,"Numéro de série"\n\nPC-01,Dell,"5CD,1"\n\n');
    expect(csv.delimiter).toBe(',');
    expect(csv.rows).toHaveLength(1);
    expect(csv.rows[0]!.cells).toEqual(['PC-01', 'Dell', '5CD,1']);
  });

  it('refuses an empty file, an unclosed quote and a file with no separator, in French', () => {
    expect(parseCsv('')).toEqual({ ok: false, message: 'Le fichier est vide.' });
    expect(parseCsv('\uFEFF\r\n  \r\n')).toEqual({ ok: false, message: 'Le fichier est vide.' });
    const unclosed = parseCsv('Nom;Série\nPC;"ABC\n');
    expect(unclosed.ok).toBe(false);
    expect(!unclosed.ok && unclosed.message).toMatch(/Guillemets non refermés/);
    const single = parseCsv('Nom\nPC-01\nPC-02');
    expect(!single.ok && single.message).toMatch(/séparateur/);
  });

  it('parses a 10 MB file completely', () => {
    const line =
      'PC-000000;Dell;Latitude 5440;SN0000000000;Jean Dupont;Bureau 12;Commentaire assez long pour grossir le fichier\r\n';
    const count = Math.ceil((10 * 1024 * 1024) / line.length);
    const text =
      'Nom;Fabricant;Modèle;Numéro de série;Utilisateur;Lieu;Commentaires\r\n' + line.repeat(count);
    expect(text.length).toBeGreaterThan(10 * 1024 * 1024);
    const csv = ok(text);
    expect(csv.rows).toHaveLength(count);
    expect(csv.rows[count - 1]!.line).toBe(count + 1);
    // Every row is accounted for by the import plan: same serial on every line, so the
    // first is accepted and each other one rejected as a duplicate, none dropped.
    const plan = planImport(csv, guessMapping(csv.headers), {
      clientId: '0192b3c4-0000-7000-8000-000000000001',
      sites: [],
      existing: [],
    });
    expect(plan.accepted).toHaveLength(1);
    expect(plan.rejected).toHaveLength(count - 1);
    expect(plan.rejected[0]!.reasons[0]).toMatch(/déjà présent ligne 2/);
  });

  it('refuses a file over the size limit instead of freezing the laptop', () => {
    const result = parseCsv('a;b\n' + 'x'.repeat(MAX_CSV_CHARS));
    expect(result.ok).toBe(false);
    expect(!result.ok && result.message).toMatch(/trop volumineux/);
  });

  it('reads CR-only line ends and tells duplicate headers apart', () => {
    const csv = parseCsv('Nom;Commentaire;;Commentaire\rPC-1;a;b;c\rPC-2;"x\ry";;\r');
    expect(csv.ok && [csv.lineEnding, csv.headers]).toEqual([
      'CR',
      ['Nom', 'Commentaire', 'Colonne 3', 'Commentaire (2)'],
    ]);
    expect(csv.ok && csv.rows.map((r) => [r.line, r.cells])).toEqual([
      [2, ['PC-1', 'a', 'b', 'c']],
      [3, ['PC-2', 'x\ry', '', '']],
    ]);
  });
});
