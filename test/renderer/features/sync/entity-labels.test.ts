import { describe, expect, it } from 'vitest';
import {
  entityLabel,
  entityPluralLabel,
  fieldLabel,
} from '../../../../renderer/features/sync/entity-labels';
import { EXPORT_FIELDS, FIELD_HEADERS } from '../../../../shared/inventory/csv/columns';
import { ENTITY_NAMES } from '../../../../shared/sync/mutation';

describe('the sync screens’ labels', () => {
  it('names every synced entity in French, singular and plural', () => {
    for (const entity of ENTITY_NAMES) {
      expect(entityLabel(entity)).not.toBe(entity);
      expect(entityPluralLabel(entity)).not.toBe(entity);
    }
    expect(entityLabel('interventions')).toBe('Intervention');
    expect(entityPluralLabel('reports')).toBe('Bordereaux');
    expect(entityLabel('syncConflicts')).toBe('Conflit');
    // An entity of a newer server: its technical name rather than nothing.
    expect(entityLabel('timesheets')).toBe('timesheets');
    expect(entityLabel('requests')).toBe('Demande d’intervention');
  });

  it('names equipment fields as the CSV export’s headers do', () => {
    for (const field of EXPORT_FIELDS.filter((f) => f !== 'site')) {
      expect(fieldLabel(field, 'equipment')).toBe(FIELD_HEADERS[field]);
    }
    expect(fieldLabel('siteId', 'equipment')).toBe(FIELD_HEADERS.site);
  });

  it('tells a contact’s role from their job title', () => {
    expect(fieldLabel('role', 'contacts')).toBe('Rôle');
    expect(fieldLabel('jobTitle', 'contacts')).toBe('Fonction');
    expect(fieldLabel('name', 'contacts')).toBe('Nom');
    expect(fieldLabel('mystery', 'sites')).toBe('mystery');
  });
});
