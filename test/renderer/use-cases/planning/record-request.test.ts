import { describe, expect, it } from 'vitest';
import { uuidv7 } from 'uuidv7';
import { recordRequest } from '../../../../renderer/use-cases/planning/record-request';
import { at, planningWorld } from './planning-fixtures';

describe('recordRequest', () => {
  it('saves a call and queues it for the office server', async () => {
    const w = await planningWorld(at('2026-12-01', '09:05'));
    const request = await recordRequest(w.deps, {
      clientId: w.clientId,
      siteId: w.siteId,
      description: 'Serveur de fichiers inaccessible',
      channel: 'phone',
      calledAt: at('2026-12-01', '09:00'),
      kind: 'incident',
      slaClass: 'server-network',
    });
    expect(await w.db.requests.get(request.id)).toMatchObject({
      urgency: 'normal',
      respondedAt: null,
      revision: null,
    });
    const queued = await w.db.outbox.where('recordId').equals(request.id).toArray();
    expect(queued).toEqual([expect.objectContaining({ entity: 'requests', op: 'upsert' })]);
  });

  it('refuses a site of another client or an empty description, storing nothing', async () => {
    const w = await planningWorld(at('2026-12-01', '09:05'));
    const base = {
      clientId: w.clientId,
      siteId: uuidv7(),
      description: 'Imprimante HS',
      channel: 'email' as const,
      calledAt: at('2026-12-01', '09:00'),
      kind: 'incident' as const,
    };
    await expect(recordRequest(w.deps, base)).rejects.toThrow(
      'Ce site n’appartient pas au client choisi.',
    );
    await expect(
      recordRequest(w.deps, { ...base, siteId: w.siteId, description: '  ' }),
    ).rejects.toThrow('Décrivez la demande.');
    expect(await w.db.requests.count()).toBe(0);
    expect(await w.db.outbox.where('entity').equals('requests').count()).toBe(0);
  });
});
