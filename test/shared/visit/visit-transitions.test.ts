import { describe, expect, it } from 'vitest';
import type { TimerAction } from '../../../shared/time/events';
import { visitTimeline } from '../../../shared/time/segments';
import {
  afterTimerCorrection,
  afterTimerTap,
  awaitingSignature,
  createdVisit,
  SignedVisitError,
  signedVisit,
  startedVisit,
} from '../../../shared/visit/visit-transitions';
import type { VisitRecord } from '../../../shared/visit/visit-record';

const CLIENT_ID = '0192b3c4-0000-7000-8000-0000000000c1';
const SITE_ID = '0192b3c4-0000-7000-8000-0000000000a1';
const VISIT_ID = '0192b3c4-0000-7000-8000-0000000000f1';
const T0 = Date.UTC(2026, 10, 23, 8, 0);
const MINUTE = 60_000;

const input = {
  clientId: CLIENT_ID,
  siteId: SITE_ID,
  contractId: 'contract-1',
  header: {
    mode: 'onsite' as const,
    type: 'curative' as const,
    urgency: 'normal' as const,
    request: 'Serveur lent',
    representative: null,
    clientConfirmedBackup: true,
  },
};

let nextId = 0;
const id = () => `event-${++nextId}`;

function tapped(actions: readonly [TimerAction, number][]): VisitRecord {
  return actions.reduce(
    (visit, [action, minute]) => afterTimerTap(visit, action, T0 + minute * MINUTE, id()),
    createdVisit(input, { id: VISIT_ID, now: T0 }),
  );
}

describe('a visit, step by step', () => {
  it('is created not started, then started in the same gesture with the start at `now`', () => {
    const created = createdVisit(input, { id: VISIT_ID, now: T0 });
    expect(created).toMatchObject({ status: 'in-progress', startedAt: null, events: [] });
    const started = startedVisit(input, { id: VISIT_ID, now: T0, eventId: 'e1' });
    expect(started).toMatchObject({ status: 'in-progress', startedAt: T0, createdAt: T0 });
    expect(started.events).toEqual([{ id: 'e1', type: 'start', at: T0 }]);
  });

  it.each<[string, [TimerAction, number][], VisitRecord['status'], string]>([
    ['started', [['start', 0]], 'in-progress', 'running'],
    [
      'paused',
      [
        ['start', 0],
        ['pause', 30],
      ],
      'in-progress',
      'paused',
    ],
    [
      'resumed',
      [
        ['start', 0],
        ['pause', 30],
        ['resume', 45],
      ],
      'in-progress',
      'running',
    ],
    [
      'stopped',
      [
        ['start', 0],
        ['pause', 30],
        ['resume', 45],
        ['stop', 120],
      ],
      'to-sign',
      'stopped',
    ],
    [
      'stopped while paused',
      [
        ['start', 0],
        ['pause', 30],
        ['stop', 40],
      ],
      'to-sign',
      'stopped',
    ],
  ])('%s: status %s, timer %s', (_name, actions, status, state) => {
    const visit = tapped(actions);
    expect(visit.status).toBe(status);
    expect(visitTimeline(visit.events, T0 + 200 * MINUTE).state).toBe(state);
  });

  it.each<[string, [TimerAction, number][], TimerAction]>([
    ['pause before the start', [], 'pause'],
    [
      'pause twice',
      [
        ['start', 0],
        ['pause', 10],
      ],
      'pause',
    ],
    ['resume a running visit', [['start', 0]], 'resume'],
    ['start twice', [['start', 0]], 'start'],
    [
      'resume a stopped visit',
      [
        ['start', 0],
        ['stop', 10],
      ],
      'resume',
    ],
  ])('refuses to %s, in French', (_name, actions, action) => {
    const visit = tapped(actions);
    expect(() => afterTimerTap(visit, action, T0 + 60 * MINUTE, id())).toThrowError(
      expect.objectContaining({ name: 'TimerError' }) as Error,
    );
  });

  it('takes the last tap’s time when the clock was set back', () => {
    const visit = afterTimerTap(tapped([['start', 30]]), 'pause', T0, id());
    expect(visit.events.at(-1)).toMatchObject({ type: 'pause', at: T0 + 30 * MINUTE });
  });

  it('corrects a forgotten stop: the original stays, the correction is added', () => {
    const stopped = tapped([
      ['start', 0],
      ['stop', 240],
    ]);
    const stop = stopped.events[1]!;
    const corrected = afterTimerCorrection(
      stopped,
      { target: stop.id, at: T0 + 120 * MINUTE, reason: 'Oubli de la fin' },
      T0 + 300 * MINUTE,
      'c1',
    );
    expect(corrected.events).toHaveLength(3);
    expect(corrected.events[1]).toEqual(stop);
    expect(visitTimeline(corrected.events, T0 + 300 * MINUTE).workedMinutes).toBe(120);
  });

  it('is signed once its bordereau is sealed, then frozen; a new version reopens it', () => {
    const stopped = tapped([
      ['start', 0],
      ['stop', 60],
    ]);
    const link = { reportId: 'r1', number: 'BI-2026-JD-0001' };
    const drafted = awaitingSignature(stopped, link);
    expect(drafted).toMatchObject({ status: 'to-sign', ...link });
    const signed = signedVisit(drafted, link);
    expect(signed).toMatchObject({ status: 'signed', ...link });
    expect(() => afterTimerTap(signed, 'start', T0, id())).toThrow(SignedVisitError);
    expect(() =>
      afterTimerCorrection(signed, { target: 'x', at: T0, reason: 'r' }, T0, id()),
    ).toThrow(/signée/);
    const reopened = awaitingSignature(signed, { reportId: 'r2', number: link.number });
    expect(reopened).toMatchObject({ status: 'to-sign', reportId: 'r2' });
  });

  it('refuses to sign a visit still running', () => {
    expect(() => signedVisit(tapped([['start', 0]]), { reportId: 'r', number: 'n' })).toThrow(
      'Terminez d’abord la visite (minuteur) avant de la signer.',
    );
  });
});
