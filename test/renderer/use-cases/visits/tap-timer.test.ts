import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { visitTimeline } from '../../../../shared/time/segments';
import { getVisit } from '../../../../renderer/db/repositories/visits';
import { correctTimer } from '../../../../renderer/use-cases/visits/correct-timer';
import { startVisit } from '../../../../renderer/use-cases/visits/start-visit';
import { tapTimer } from '../../../../renderer/use-cases/visits/tap-timer';
import { MINUTE, newVisitInput, T0, visitWorld } from './visit-world';
import type { VisitWorld } from './visit-world';

let world: VisitWorld | undefined;
afterEach(() => world?.db.close());

describe('tapTimer', () => {
  it('records pause, resume and stop at the clock’s time; stop moves the visit to sign', async () => {
    world = await visitWorld();
    const { id } = await startVisit(world.deps, newVisitInput(world));
    world.clock.advance(60);
    await tapTimer(world.deps, { visitId: id, action: 'pause' });
    world.clock.advance(15);
    await tapTimer(world.deps, { visitId: id, action: 'resume' });
    world.clock.advance(45);
    const stopped = await tapTimer(world.deps, { visitId: id, action: 'stop' });

    const stored = (await getVisit(world.db, id))!;
    expect(stored).toEqual(stopped);
    expect(stored.status).toBe('to-sign');
    expect(stored.events.map((e) => [e.type, e.type === 'correct' ? 0 : e.at])).toEqual([
      ['start', T0],
      ['pause', T0 + 60 * MINUTE],
      ['resume', T0 + 75 * MINUTE],
      ['stop', T0 + 120 * MINUTE],
    ]);
    expect(visitTimeline(stored.events).workedMinutes).toBe(105);
  });

  it('refuses an impossible tap in French and writes nothing', async () => {
    world = await visitWorld();
    const { id } = await startVisit(world.deps, newVisitInput(world));
    const before = await world.db.outbox.count();
    await expect(tapTimer(world.deps, { visitId: id, action: 'resume' })).rejects.toThrow(
      expect.objectContaining({ name: 'TimerError' }) as Error,
    );
    expect((await getVisit(world.db, id))?.events).toHaveLength(1);
    expect(await world.db.outbox.count()).toBe(before);
  });

  it('refuses an unknown action and an unknown visit', async () => {
    world = await visitWorld();
    const { id } = await startVisit(world.deps, newVisitInput(world));
    await expect(tapTimer(world.deps, { visitId: id, action: 'rewind' as 'stop' })).rejects.toThrow(
      'Action du minuteur inconnue.',
    );
    await expect(tapTimer(world.deps, { visitId: 'nope', action: 'stop' })).rejects.toThrow();
  });
});

describe('correctTimer', () => {
  it('fixes a forgotten stop with its reason; a correction without reason is refused', async () => {
    world = await visitWorld();
    const { id } = await startVisit(world.deps, newVisitInput(world));
    world.clock.advance(240);
    const stopped = await tapTimer(world.deps, { visitId: id, action: 'stop' });
    const stop = stopped.events.at(-1)!;
    await expect(
      correctTimer(world.deps, { visitId: id, target: stop.id, at: T0 + 90 * MINUTE, reason: '' }),
    ).rejects.toThrow('Indiquez la raison de la correction : elle figure sur le bordereau.');
    const corrected = await correctTimer(world.deps, {
      visitId: id,
      target: stop.id,
      at: T0 + 90 * MINUTE,
      reason: 'Fin oubliée',
    });
    expect(visitTimeline(corrected.events).workedMinutes).toBe(90);
    expect((await getVisit(world.db, id))?.events).toHaveLength(3);
  });
});
