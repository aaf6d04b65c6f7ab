/**
 * Why a list of timer events cannot describe a real visit. The UI maps each code to a
 * French message; the message carried here is already French so a log or an API error
 * can show it as is.
 */
export type TimerErrorCode =
  | 'duplicate-id'
  | 'start-twice'
  | 'pause-without-start'
  | 'pause-twice'
  | 'resume-without-pause'
  | 'stop-before-start'
  | 'event-after-stop'
  | 'time-backwards'
  | 'overlapping-segments'
  | 'unknown-correction-target'
  | 'correction-of-correction'
  | 'correction-in-future'
  | 'now-required'
  | 'now-before-last-event';

export class TimerError extends Error {
  readonly code: TimerErrorCode;
  /** The event the problem was found on, when there is one. */
  readonly eventId: string | null;

  constructor(code: TimerErrorCode, message: string, eventId: string | null = null) {
    super(message);
    this.name = 'TimerError';
    this.code = code;
    this.eventId = eventId;
  }
}
