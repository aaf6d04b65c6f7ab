import { describe, expect, it } from 'vitest';
import {
  missingQuoteMessage,
  requestFieldsSchema,
  requestSchema,
} from '../../../shared/planning/index';
import { at, ids } from './fixtures';

const valid = {
  clientId: ids.client,
  siteId: ids.site,
  equipmentIds: [ids.equipment],
  description: 'Le serveur de fichiers ne répond plus.',
  channel: 'phone',
  calledAt: at('2026-11-23', '09:00'),
  kind: 'incident',
};

const messages = (input: unknown) => {
  const result = requestFieldsSchema.safeParse(input);
  return result.success ? [] : result.error.issues.map((i) => i.message);
};

describe('requestSchema', () => {
  it('fills the defaults of a phoned-in incident', () => {
    const request = requestFieldsSchema.parse(valid);
    expect(request).toMatchObject({
      urgency: 'normal',
      urgentMode: 'onsite',
      slaClass: 'none',
      quoteId: null,
      respondedAt: null,
    });
  });

  it('requires the synced fields on a stored request', () => {
    expect(requestSchema.safeParse(valid).success).toBe(false);
    const stored = requestSchema.parse({ ...valid, id: ids.request, revision: null, updatedAt: 1 });
    expect(stored.id).toBe(ids.request);
  });

  it.each([
    [{ description: '   ' }, 'Décrivez la demande.'],
    [{ channel: 'fax' }, 'Canal de la demande inconnu.'],
    [{ kind: 'repair' }, 'Type de demande inconnu.'],
    [{ calledAt: 1.5 }, 'Heure de l’appel invalide.'],
    [{ equipmentIds: [ids.equipment, ids.equipment] }, 'Un équipement est cité deux fois.'],
    [{ siteId: 'x' }, 'Site invalide.'],
    [
      { respondedAt: at('2026-11-23', '08:59') },
      'L’arrivée sur site ne peut pas précéder l’appel.',
    ],
  ])('rejects %j with a French message', (patch, message) => {
    expect(messages({ ...valid, ...patch })).toContain(message);
  });

  it('asks for a quote before complementary work only', () => {
    expect(missingQuoteMessage({ kind: 'complementary', quoteId: null })).toMatch(/devis accepté/);
    expect(missingQuoteMessage({ kind: 'complementary', quoteId: ids.request })).toBeNull();
    expect(missingQuoteMessage({ kind: 'incident', quoteId: null })).toBeNull();
  });
});
