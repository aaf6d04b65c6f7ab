import { describe, expect, it } from 'vitest';
import { toPdfText } from '../../../shared/report/pdf/pdf-text';
import { formatMoney } from '../../../shared/format/money';

describe('toPdfText', () => {
  it('keeps French text and its symbols as typed (the font is embedded)', () => {
    const french =
      'Hélène Lefèvre, œuvre, « à côté », ça, où, Noël, Œil, 5 € – d’accord… 2ᵉ étage → OK ≤ 3';
    expect(toPdfText(french)).toBe(french);
    // narrow no-break spaces as plain no-break spaces: still unbreakable, extracted as spaces
    expect(toPdfText(formatMoney(123_456))).toBe('1\u00a0234,56\u00a0€');
  });

  it('composes decomposed accents, normalises line ends and tabs, drops invisible characters', () => {
    expect(toPdfText('e\u0301tage')).toBe('étage');
    expect(toPdfText('ligne 1\r\nligne 2\tfin')).toBe('ligne 1\nligne 2 fin');
    expect(toPdfText('\ufeffmot\u200bclé')).toBe('motclé');
  });
});
