import { describe, expect, it } from 'vitest';
import { technicianName } from '../../../../renderer/features/planning/planning-panel';

describe('technicianName', () => {
  const technicians = [{ id: 'user-0001-abcd', name: 'Alice Bernard' }];

  it('names a known technician', () => {
    expect(technicianName(technicians, 'user-0001-abcd')).toBe('Alice Bernard');
  });

  it('names one no longer listed by the end of their id, so their jobs still show', () => {
    expect(technicianName(technicians, 'user-0002-wxyz')).toBe('Technicien wxyz');
  });
});
