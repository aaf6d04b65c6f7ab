import { TimerError } from './errors';
import type { TimerAction, TimerActionEvent, TimerCorrectionEvent, TimerEvent } from './events';

export const MS_PER_MINUTE = 60_000;

export type VisitState = 'not-started' | 'running' | 'paused' | 'stopped';

/** A stretch of work, ms. `open` is true for the segment still running, which ends at `now`. */
export interface WorkSegment {
  readonly start: number;
  readonly end: number;
  readonly open: boolean;
}

/** A pause, ms; `end` is null while the visit is still paused. */
export interface Pause {
  readonly start: number;
  readonly end: number | null;
}

export interface AppliedCorrection {
  readonly correctionId: string;
  readonly eventId: string;
  readonly eventType: TimerAction;
  readonly original: number;
  readonly corrected: number;
  readonly reason: string;
  readonly recordedAt: number;
}

export interface VisitTimeline {
  readonly state: VisitState;
  readonly segments: readonly WorkSegment[];
  readonly pauses: readonly Pause[];
  /** Sum of the segments, ms (pauses excluded). */
  readonly workedMs: number;
  /** floor(workedMs / 60 000): a minute counts once it is complete. */
  readonly workedMinutes: number;
  /** Effective (corrected) time of the start event, or null before it. */
  readonly arrival: number | null;
  /** Effective (corrected) time of the stop event, or null until the visit is stopped. */
  readonly departure: number | null;
  /** Every correction, in the order recorded; several on one event are all kept. */
  readonly corrections: readonly AppliedCorrection[];
}

const TYPE_LABEL: Record<TimerAction, string> = {
  start: 'début',
  pause: 'pause',
  resume: 'reprise',
  stop: 'fin',
};

function next(state: VisitState, event: TimerActionEvent): VisitState {
  const fail = (code: ConstructorParameters<typeof TimerError>[0], message: string): never => {
    throw new TimerError(code, message, event.id);
  };
  if (state === 'stopped') return fail('event-after-stop', 'La visite est déjà terminée.');
  switch (event.type) {
    case 'start':
      return state === 'not-started'
        ? 'running'
        : fail('start-twice', 'La visite a déjà commencé.');
    case 'pause':
      if (state === 'running') return 'paused';
      return state === 'paused'
        ? fail('pause-twice', 'La visite est déjà en pause.')
        : fail('pause-without-start', 'Impossible de mettre en pause une visite non commencée.');
    case 'resume':
      return state === 'paused'
        ? 'running'
        : fail('resume-without-pause', 'Impossible de reprendre : la visite n’est pas en pause.');
    case 'stop':
      return state === 'not-started'
        ? fail('stop-before-start', 'Impossible de terminer une visite non commencée.')
        : 'stopped';
  }
}

/**
 * Derive a visit's time from its recorded events (002 art. IV.2.2: arrival and departure
 * are timestamps, never a counter). Events are taken in the order they were recorded;
 * corrections replace the time of their target and keep the original.
 *
 * `now` is needed only while the visit is running (the open segment ends at `now`).
 * Throws a `TimerError` for any sequence that cannot have happened.
 */
export function visitTimeline(events: readonly TimerEvent[], now?: number): VisitTimeline {
  const seen = new Set<string>();
  const actions: TimerActionEvent[] = [];
  const corrections: TimerCorrectionEvent[] = [];
  for (const event of events) {
    if (seen.has(event.id)) {
      throw new TimerError('duplicate-id', `Événement en double : ${event.id}.`, event.id);
    }
    seen.add(event.id);
    if (event.type === 'correct') corrections.push(event);
    else actions.push(event);
  }

  const byId = new Map(actions.map((a) => [a.id, a]));
  const correctedAt = new Map<string, number>();
  const applied: AppliedCorrection[] = [];
  for (const c of corrections) {
    const target = byId.get(c.target);
    if (!target) {
      const code = seen.has(c.target) ? 'correction-of-correction' : 'unknown-correction-target';
      throw new TimerError(
        code,
        code === 'correction-of-correction'
          ? 'Une correction ne peut viser qu’un début, une pause, une reprise ou une fin.'
          : `La correction vise un événement inconnu : ${c.target}.`,
        c.id,
      );
    }
    if (c.recordedAt < target.at) {
      throw new TimerError(
        'time-backwards',
        'La correction est enregistrée avant l’événement qu’elle corrige.',
        c.id,
      );
    }
    if (c.at > c.recordedAt) {
      throw new TimerError(
        'correction-in-future',
        'L’heure corrigée ne peut pas être postérieure au moment de la correction.',
        c.id,
      );
    }
    applied.push({
      correctionId: c.id,
      eventId: target.id,
      eventType: target.type,
      original: target.at,
      corrected: c.at,
      reason: c.reason,
      recordedAt: c.recordedAt,
    });
    correctedAt.set(target.id, c.at);
  }

  let state: VisitState = 'not-started';
  let previousRaw = -Infinity;
  let previousAt = -Infinity;
  let arrival: number | null = null;
  let departure: number | null = null;
  let openFrom: number | null = null;
  let pauseFrom: number | null = null;
  const segments: WorkSegment[] = [];
  const pauses: Pause[] = [];

  for (const action of actions) {
    if (action.at < previousRaw) {
      throw new TimerError(
        'time-backwards',
        `L’heure de l’événement « ${TYPE_LABEL[action.type]} » est antérieure à celle de l’événement précédent.`,
        action.id,
      );
    }
    previousRaw = action.at;
    const at = correctedAt.get(action.id) ?? action.at;
    state = next(state, action);
    if (at < previousAt) {
      // The raw times were in order, so a correction made two periods overlap.
      throw new TimerError(
        'overlapping-segments',
        `La correction de l’événement « ${TYPE_LABEL[action.type]} » le place avant l’événement précédent : les périodes se chevauchent.`,
        action.id,
      );
    }
    previousAt = at;
    switch (action.type) {
      case 'start':
        arrival = at;
        openFrom = at;
        break;
      case 'pause':
        segments.push({ start: openFrom as number, end: at, open: false });
        openFrom = null;
        pauseFrom = at;
        break;
      case 'resume':
        pauses.push({ start: pauseFrom as number, end: at });
        pauseFrom = null;
        openFrom = at;
        break;
      case 'stop':
        if (openFrom !== null) segments.push({ start: openFrom, end: at, open: false });
        if (pauseFrom !== null) pauses.push({ start: pauseFrom, end: at });
        openFrom = null;
        pauseFrom = null;
        departure = at;
        break;
    }
  }

  if (state === 'running' || state === 'paused') {
    if (now === undefined && state === 'running') {
      throw new TimerError(
        'now-required',
        'L’heure actuelle est nécessaire pour une visite en cours.',
      );
    }
    if (now !== undefined && now < previousAt) {
      throw new TimerError(
        'now-before-last-event',
        'L’heure actuelle est antérieure au dernier événement : vérifiez l’horloge.',
      );
    }
    if (openFrom !== null) segments.push({ start: openFrom, end: now as number, open: true });
    if (pauseFrom !== null) pauses.push({ start: pauseFrom, end: null });
  }

  let workedMs = 0;
  for (const s of segments) workedMs += s.end - s.start;
  return {
    state,
    segments,
    pauses,
    workedMs,
    workedMinutes: Math.floor(workedMs / MS_PER_MINUTE),
    arrival,
    departure,
    corrections: applied,
  };
}
