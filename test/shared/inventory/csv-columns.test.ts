import { describe, expect, it } from 'vitest';
import {
  FIELD_HEADERS,
  guessMapping,
  IMPORT_FIELDS,
  mappingProblems,
} from '../../../shared/inventory/csv/columns';

describe('guessMapping', () => {
  it('recognises a GLPI computer export (French interface)', () => {
    const headers = [
      'Nom',
      'Statut',
      'Fabricant',
      'Numéro de série',
      'Type',
      'Modèle',
      'Lieu',
      'Utilisateur',
      "Numéro d'inventaire",
      'Dernière modification',
    ];
    const m = guessMapping(headers);
    expect(m.hostname).toBe(0);
    expect(m.status).toBe(1);
    expect(m.brand).toBe(2);
    expect(m.serialNumber).toBe(3);
    expect(m.category).toBe(4);
    expect(m.model).toBe(5);
    expect(m.location).toBe(6);
    expect(m.assignedUser).toBe(7);
    expect(m.assetTag).toBe(8);
    expect(m.notes).toBeNull();
  });

  it('ignores case, accents and punctuation, and gives each column to one field only', () => {
    const m = guessMapping(['NUMERO DE SERIE', 'n° de série', 'marque']);
    expect(m.serialNumber).toBe(0);
    expect(m.brand).toBe(2);
  });

  it('maps our own export headers back to their fields', () => {
    const m = guessMapping(IMPORT_FIELDS.map((f) => FIELD_HEADERS[f]));
    IMPORT_FIELDS.forEach((field, i) => expect(m[field]).toBe(i));
  });

  it('needs at least one column that identifies the equipment', () => {
    expect(mappingProblems(guessMapping(['Fabricant', 'Lieu']))).toHaveLength(1);
    expect(mappingProblems(guessMapping(['Numéro de série']))).toEqual([]);
  });
});
