import { describe, expect, it } from 'vitest';
import {
  parseWarrantyMonths,
  splitLocationPath,
  warrantyEndFrom,
} from '../../../shared/inventory/csv/glpi';

describe('GLPI warranty', () => {
  it('ends the day before start + duration, at the end of a shorter month', () => {
    expect(warrantyEndFrom('2021-03-15', 36)).toBe('2024-03-14');
    expect(warrantyEndFrom('2023-01-31', 1)).toBe('2023-02-27');
    expect(warrantyEndFrom('2024-01-01', 12)).toBe('2024-12-31');
    expect(warrantyEndFrom('2023-11-30', 3)).toBe('2024-02-28');
  });

  it('reads durations in months or years', () => {
    expect(parseWarrantyMonths('36')).toEqual({ ok: true, value: 36 });
    expect(parseWarrantyMonths('24 mois')).toEqual({ ok: true, value: 24 });
    expect(parseWarrantyMonths('3 ans')).toEqual({ ok: true, value: 36 });
    expect(parseWarrantyMonths('1 an')).toEqual({ ok: true, value: 12 });
    expect(parseWarrantyMonths('12,0')).toEqual({ ok: true, value: 12 });
    expect(parseWarrantyMonths('')).toEqual({ ok: true, value: null });
    expect(parseWarrantyMonths('à vie').ok).toBe(false);
  });
});

describe('GLPI location path', () => {
  it('splits the first level (the site) from the rest (the room)', () => {
    expect(splitLocationPath('Siège > Salle serveur')).toEqual({
      first: 'Siège',
      rest: 'Salle serveur',
    });
    expect(splitLocationPath('Siège>Étage 1 > Bureau 12')).toEqual({
      first: 'Siège',
      rest: 'Étage 1 > Bureau 12',
    });
    expect(splitLocationPath('Salle serveur')).toBeNull();
  });
});
