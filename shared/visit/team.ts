import { z } from 'zod';
import { pngDataUrlSchema } from '../report/model';
import { timerEventsSchema } from '../time/events';
import type { TimerAction, TimerEvent } from '../time/events';
import { visitTimeline } from '../time/segments';
import type { VisitTimeline } from '../time/segments';

/**
 * Another technician on the visit (the one who opened it keeps the visit's own timer): their
 * own arrival, pauses and departure as timer events, so their time is "constatée … au départ
 * et en fin de prestation" like the first one's (002 art. IV.2.2), and their signature on
 * the bordereau once they leave.
 */
export const teamMemberSchema = z.object({
  id: z.string().min(1),
  name: z
    .string()
    .trim()
    .min(1, 'Nom du technicien obligatoire.')
    .max(200, '200 caractères au plus.'),
  events: timerEventsSchema.default([]),
  signature: z
    .object({ signedAt: z.number().int().nonnegative(), imagePngDataUrl: pngDataUrlSchema })
    .nullable()
    .default(null),
});
export type TeamMember = z.output<typeof teamMemberSchema>;

/** The visit's other technicians; absent on visits recorded before (they still validate). */
export const visitTeamSchema = z.array(teamMemberSchema).max(5, '5 techniciens au plus en plus.');

export class TeamError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'TeamError';
  }
}

/** Adds a technician to the visit's team; a name already there is refused. */
export function addTeamMember(
  team: readonly TeamMember[],
  member: { readonly id: string; readonly name: string },
  leadName: string,
): TeamMember[] {
  const name = member.name.trim();
  const same = (a: string) => a.localeCompare(name, 'fr', { sensitivity: 'base' }) === 0;
  if (same(leadName) || team.some((m) => same(m.name))) {
    throw new TeamError(`${name} est déjà sur cette intervention.`);
  }
  return visitTeamSchema.parse([...team, { id: member.id, name, events: [] }]);
}

/**
 * A tap on a team member's timer (arrival = start, pause, resume, departure = stop): the new
 * event log is checked by the same timeline as the visit's own (shared/time), so an
 * impossible sequence throws its precise `TimerError` and nothing changes.
 */
export function tapTeamMember(
  team: readonly TeamMember[],
  memberId: string,
  tap: { readonly eventId: string; readonly action: TimerAction; readonly at: number },
): TeamMember[] {
  const member = team.find((m) => m.id === memberId);
  if (!member) throw new TeamError('Technicien introuvable sur cette intervention.');
  const events: TimerEvent[] = [
    ...member.events,
    { id: tap.eventId, type: tap.action, at: tap.at },
  ];
  visitTimeline(events, tap.at);
  return team.map((m) => (m.id === memberId ? { ...m, events } : m));
}

/** A member's signature once they have left (their departure recorded). */
export function signTeamMember(
  team: readonly TeamMember[],
  memberId: string,
  signature: { readonly signedAt: number; readonly imagePngDataUrl: string },
): TeamMember[] {
  const member = team.find((m) => m.id === memberId);
  if (!member) throw new TeamError('Technicien introuvable sur cette intervention.');
  if (visitTimeline(member.events, signature.signedAt).state !== 'stopped') {
    throw new TeamError(`Enregistrez le départ de ${member.name} avant sa signature.`);
  }
  return visitTeamSchema.parse(
    team.map((m) => (m.id === memberId ? { ...m, signature: { ...signature } } : m)),
  );
}

/** Each member with their timeline (running ones up to `now`). */
export function teamTimelines(
  team: readonly TeamMember[],
  now?: number,
): { readonly member: TeamMember; readonly timeline: VisitTimeline }[] {
  return team.map((member) => ({ member, timeline: visitTimeline(member.events, now) }));
}
