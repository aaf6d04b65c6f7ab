import { describe, expect, it } from 'vitest';
import { toPdfText } from '../../../shared/report/pdf/pdf-text';
import { formatMoney } from '../../../shared/format/money';

describe('toPdfText', () => {
  it('keeps French text and the euro sign as they are', () => {
    const french = 'Hélène Lefèvre, œuvre, « à côté », ça, où, Noël, Œil, 5 € – d’accord…';
    expect(toPdfText(french)).toBe(french);
  });

  it('turns the narrow no-break spaces of fr-FR formatting into WinAnsi no-break spaces', () => {
    expect(toPdfText(formatMoney(123_456))).toBe('1\u00a0234,56\u00a0€');
    expect(toPdfText('1\u202f234,56\u00a0€')).toBe('1\u00a0234,56\u00a0€');
    expect(toPdfText('a\u2009b')).toBe('a b');
  });

  it('composes decomposed accents and substitutes what Helvetica cannot draw', () => {
    expect(toPdfText('e\u0301tage')).toBe('étage');
    expect(toPdfText('2ᵉ étage → OK ✓ 👍')).toBe('2e étage -> OK x ?');
    expect(toPdfText('ligne 1\r\nligne 2\tfin')).toBe('ligne 1\nligne 2 fin');
  });
});
