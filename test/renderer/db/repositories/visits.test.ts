import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import type { BordereauDb } from '../../../../renderer/db/database';
import {
  correctTimerEvent,
  getVisit,
  listUnfinishedVisits,
  recordTimerTap,
  SignedVisitError,
  updateVisitWork,
} from '../../../../renderer/db/repositories/visits';
import { createDraftReport, sealStoredReport } from '../../../../renderer/db/repositories/reports';
import { TimerError } from '../../../../shared/time/errors';
import { visitTimeline } from '../../../../shared/time/segments';
import { sampleSignatures } from '../../../fixtures/report/sample-report';
import { openTestDb, uniqueName } from '../fresh-db';
import { draftFor, MINUTE, newVisit, T0 } from '../../visits/visit-fixtures';
import { readOutbox } from '../../../../renderer/db/outbox';

const open: BordereauDb[] = [];
function connect(name: string): BordereauDb {
  const db = openTestDb(name);
  open.push(db);
  return db;
}
afterEach(() => {
  for (const db of open.splice(0)) db.close();
});

/** What a fresh start of the app sees: a new connection, nothing kept in memory. */
async function reload(name: string, previous: BordereauDb, id: string) {
  previous.close();
  const db = connect(name);
  const visit = await getVisit(db, id);
  if (!visit) throw new Error('visit lost');
  return { db, visit };
}

describe('the visit timer, stored at each tap', () => {
  it('writes every tap at once and recomputes the running state from the events and the clock after a reload', async () => {
    const name = uniqueName();
    let db = connect(name);
    const created = await newVisit(db);
    await recordTimerTap(db, created.id, 'start', T0);

    let { db: db2, visit } = await reload(name, db, created.id);
    db = db2;
    expect(visit.events.map((e) => e.type)).toEqual(['start']);
    expect(visit.startedAt).toBe(T0);
    // Still running 47 minutes later, though nothing ran in between (crash, sleep, closed window).
    const running = visitTimeline(visit.events, T0 + 47 * MINUTE);
    expect(running.state).toBe('running');
    expect(running.workedMinutes).toBe(47);
    expect(await listUnfinishedVisits(db)).toHaveLength(1);

    await recordTimerTap(db, created.id, 'pause', T0 + 60 * MINUTE);
    ({ db: db2, visit } = await reload(name, db, created.id));
    db = db2;
    const paused = visitTimeline(visit.events, T0 + 200 * MINUTE);
    expect(paused.state).toBe('paused');
    expect(paused.workedMinutes).toBe(60);

    await recordTimerTap(db, created.id, 'resume', T0 + 75 * MINUTE);
    await recordTimerTap(db, created.id, 'stop', T0 + 180 * MINUTE);
    ({ db: db2, visit } = await reload(name, db, created.id));
    db = db2;
    const stopped = visitTimeline(visit.events);
    expect(stopped).toMatchObject({
      state: 'stopped',
      workedMinutes: 165,
      arrival: T0,
      departure: T0 + 180 * MINUTE,
    });
    expect(stopped.pauses).toEqual([{ start: T0 + 60 * MINUTE, end: T0 + 75 * MINUTE }]);
    expect(visit.status).toBe('to-sign');
    expect(await listUnfinishedVisits(db)).toEqual([]);

    // Creation + four taps, each with its own outbox entry written with it.
    const outbox = (await readOutbox(db)).filter((m) => m.recordId === created.id);
    expect(outbox.map((m) => (m.changes['events'] as unknown[]).length)).toEqual([0, 1, 2, 3, 4]);
  });

  it('refuses a tap that cannot happen and writes nothing', async () => {
    const db = connect(uniqueName());
    const visit = await newVisit(db);
    await recordTimerTap(db, visit.id, 'start', T0);
    await recordTimerTap(db, visit.id, 'pause', T0 + MINUTE);
    const outboxBefore = await db.outbox.count();

    await expect(recordTimerTap(db, visit.id, 'pause', T0 + 2 * MINUTE)).rejects.toThrow(
      TimerError,
    );
    await expect(recordTimerTap(db, visit.id, 'start', T0 + 2 * MINUTE)).rejects.toThrow(
      'La visite a déjà commencé.',
    );

    expect((await getVisit(db, visit.id))?.events).toHaveLength(2);
    expect(await db.outbox.count()).toBe(outboxBefore);
  });

  it('still pauses, resumes, stops and corrects when the laptop clock went back', async () => {
    const db = connect(uniqueName());
    const visit = await newVisit(db);
    await recordTimerTap(db, visit.id, 'start', T0);
    await recordTimerTap(db, visit.id, 'pause', T0 + 30 * MINUTE);
    // The clock is set back 2 minutes (NTP): the next taps take the last tap's time.
    await recordTimerTap(db, visit.id, 'resume', T0 + 28 * MINUTE);
    await recordTimerTap(db, visit.id, 'stop', T0 + 29 * MINUTE);
    const stored = (await getVisit(db, visit.id))!;
    expect(stored.events.map((e) => (e.type === 'correct' ? null : e.at - T0))).toEqual([
      0,
      30 * MINUTE,
      30 * MINUTE,
      30 * MINUTE,
    ]);
    expect(stored.status).toBe('to-sign');
    const pause = stored.events[1]!;
    const corrected = await correctTimerEvent(
      db,
      visit.id,
      { target: pause.id, at: T0 + 25 * MINUTE, reason: 'Pause commencée plus tôt' },
      T0 + 20 * MINUTE,
    );
    expect(visitTimeline(corrected.events).workedMinutes).toBe(25);
  });

  it('keeps a corrected start with its original time and reason, and refuses a correction without reason', async () => {
    const name = uniqueName();
    const db = connect(name);
    const visit = await newVisit(db);
    const started = await recordTimerTap(db, visit.id, 'start', T0 + 20 * MINUTE);
    const startId = started.events[0]!.id;
    await recordTimerTap(db, visit.id, 'stop', T0 + 140 * MINUTE);

    await expect(
      correctTimerEvent(db, visit.id, { target: startId, at: T0, reason: '  ' }, T0 + 141 * MINUTE),
    ).rejects.toThrow('Indiquez la raison de la correction.');
    await correctTimerEvent(
      db,
      visit.id,
      { target: startId, at: T0, reason: 'Minuteur démarré en retard' },
      T0 + 141 * MINUTE,
    );

    const { visit: reloaded } = await reload(name, db, visit.id);
    const timeline = visitTimeline(reloaded.events);
    expect(timeline.arrival).toBe(T0);
    expect(timeline.workedMinutes).toBe(140);
    expect(timeline.corrections).toEqual([
      expect.objectContaining({
        eventType: 'start',
        original: T0 + 20 * MINUTE,
        corrected: T0,
        reason: 'Minuteur démarré en retard',
      }),
    ]);
  });

  it('refuses any tap or correction once the visit is signed', async () => {
    const db = connect(uniqueName());
    const visit = await newVisit(db);
    const started = await recordTimerTap(db, visit.id, 'start', T0);
    await recordTimerTap(db, visit.id, 'stop', T0 + 30 * MINUTE);
    const draft = await createDraftReport(db, draftFor(visit), T0 + 31 * MINUTE);
    await sealStoredReport(db, draft.id, sampleSignatures(), Date.UTC(2026, 10, 23, 12, 0));

    expect((await getVisit(db, visit.id))?.status).toBe('signed');
    await expect(recordTimerTap(db, visit.id, 'start', T0 + 40 * MINUTE)).rejects.toThrow(
      SignedVisitError,
    );
    await expect(
      correctTimerEvent(
        db,
        visit.id,
        { target: started.events[0]!.id, at: T0 - MINUTE, reason: 'oubli' },
        T0 + 40 * MINUTE,
      ),
    ).rejects.toThrow(SignedVisitError);
    await expect(
      updateVisitWork(db, visit.id, { description: 'ajout' }, T0 + 40 * MINUTE),
    ).rejects.toThrow(SignedVisitError);
    expect((await getVisit(db, visit.id))?.events).toHaveLength(2);
    expect((await getVisit(db, visit.id))?.work.description).toBe('');
  });
});
