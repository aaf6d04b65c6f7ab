import { describe, expect, it } from 'vitest';
import { jobFieldsSchema, jobSchema, needsLogSchema } from '../../../shared/planning/index';
import { ids } from './fixtures';

const valid = {
  clientId: ids.client,
  requestId: ids.request,
  technicianIds: [ids.alice],
  date: '2026-12-01',
  slot: { from: '09:00', to: '12:30' },
};

const messages = (input: unknown) => {
  const result = jobFieldsSchema.safeParse(input);
  return result.success ? [] : result.error.issues.map((i) => i.message);
};

describe('jobSchema', () => {
  it('starts planned, with no visit and no needs log', () => {
    expect(jobFieldsSchema.parse(valid)).toMatchObject({
      status: 'planned',
      visits: [],
      needsLog: null,
    });
    expect(jobSchema.safeParse(valid).success).toBe(false);
  });

  it.each([
    [{ technicianIds: [] }, 'Affectez au moins un technicien.'],
    [{ technicianIds: [ids.alice, ids.alice] }, 'Un technicien est affecté deux fois.'],
    [{ date: '2026-02-30' }, 'Date attendue au format AAAA-MM-JJ.'],
    [{ slot: { from: '14:00', to: '09:00' } }, 'L’heure de fin doit suivre l’heure de début.'],
    [{ status: 'lost' }, 'Statut inconnu.'],
  ])('rejects %j with a French message', (patch, message) => {
    expect(messages({ ...valid, ...patch })).toContain(message);
  });
});

describe('needsLogSchema', () => {
  it('records who validated it and when, both or neither', () => {
    expect(needsLogSchema.parse({ items: ['Mettre à jour le pare-feu'] })).toEqual({
      items: ['Mettre à jour le pare-feu'],
      validatedAt: null,
      validatedBy: '',
    });
    const half = needsLogSchema.safeParse({ items: [], validatedAt: 1_000 });
    expect(half.success).toBe(false);
    expect(half.error?.issues[0]?.message).toBe(
      'Indiquez qui a validé le journal des besoins, et quand.',
    );
    expect(
      needsLogSchema.safeParse({ items: [], validatedAt: 1_000, validatedBy: 'M. Martin' }).success,
    ).toBe(true);
  });
});
