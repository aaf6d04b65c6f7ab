import { isDeepStrictEqual } from 'node:util';
import type { z } from 'zod';
import { jobFieldsSchema } from '../../shared/planning/job';
import { mergeJob } from '../../shared/planning/job-merge';
import type { Mutation } from '../../shared/sync/mutation';
import type { MutationOutcome } from './apply-mutation';
import type { MergeOutcome } from './merge';
import type { StoredRecord } from './record-store';

/**
 * Who writes what of a planned job (`jobs`), shared/planning/job-merge.ts: the office owns
 * the assignment (technicians, day, slot, request, needs log), the field owns the work
 * (status, visits started from it). A technician may neither create nor delete a job; of
 * their edits only the work counts: the assignment fields a laptop sends are its copy of the
 * office's, possibly stale (a job reassigned while it was offline), and are ignored.
 *
 * The work fields never conflict: instead of the field-level merge, both copies go through
 * `mergeJob` (every visit kept at its furthest status, the furthest status of the latest
 * round), so a technician's offline work survives a reassignment and the office sees it.
 */
export const JOB_WORK_FIELDS = ['status', 'round', 'visits'] as const;

const workSchema = jobFieldsSchema.pick({ status: true, round: true, visits: true }).partial();
type JobWork = z.infer<typeof workSchema>;

export type JobEditDecision =
  | { readonly kind: 'proceed'; readonly mutation: Mutation; readonly work: JobWork | null }
  | { readonly kind: 'refuse'; readonly outcome: MutationOutcome };

function refuse(message: string): JobEditDecision {
  return { kind: 'refuse', outcome: { status: 'rejected', reason: 'forbidden', message } };
}

/**
 * Sorts a `jobs` mutation: refused (a technician creating or deleting a job), or split into
 * the changes the ordinary merge applies and the work `mergeJobWork` merges afterwards (null
 * when there is none to merge: a creation, a delete, an edit of a deleted job).
 */
export function sortJobEdit(
  isOffice: boolean,
  m: Mutation,
  existing: StoredRecord | null,
): JobEditDecision {
  const live = existing && !existing.deleted ? existing : null;
  if (!isOffice && m.op === 'delete') {
    return refuse('Seul le bureau peut supprimer une intervention planifiée.');
  }
  if (!isOffice && !existing) {
    return refuse(
      'Seul le bureau planifie les interventions : enregistrez une demande, le bureau la planifiera.',
    );
  }
  if (m.op === 'delete' || !live) return { kind: 'proceed', mutation: m, work: null };
  const rest: Record<string, unknown> = {};
  const sent: Record<string, unknown> = {};
  for (const [field, value] of Object.entries(m.changes)) {
    if ((JOB_WORK_FIELDS as readonly string[]).includes(field)) {
      sent[field] = value;
    } else if (isOffice) {
      rest[field] = value;
    }
  }
  const work = workSchema.safeParse(sent);
  // Malformed work goes through the ordinary path, whose validation refuses it with its message.
  if (!work.success)
    return { kind: 'proceed', mutation: { ...m, changes: { ...rest, ...sent } }, work: null };
  return { kind: 'proceed', mutation: { ...m, changes: rest }, work: work.data };
}

/**
 * Lays the work sent (`work`) over the merged record with `mergeJob`: the sender's copy is
 * the office's when `isOffice`, the field's otherwise; the stored record is the other side.
 */
export function mergeJobWork(
  stored: Readonly<Record<string, unknown>>,
  merge: MergeOutcome,
  work: JobWork,
  isOffice: boolean,
): MergeOutcome {
  const current = jobFieldsSchema.safeParse(stored);
  // A stored job is valid (checked when written); if not, the work waits for the office.
  if (!current.success) return merge;
  // A technician's `round` says which planning their status is about (a status of an earlier
  // round loses to the office's replanning); only the office plans again, so it never rises.
  const round = isOffice
    ? (work.round ?? current.data.round)
    : Math.min(work.round ?? current.data.round, current.data.round);
  const sender = { ...current.data, ...work, round };
  const { job } = isOffice ? mergeJob(sender, current.data) : mergeJob(current.data, sender);
  const data = { ...merge.data };
  const appliedFields = [...merge.appliedFields];
  for (const field of JOB_WORK_FIELDS) {
    if (isDeepStrictEqual(stored[field], job[field])) continue;
    data[field] = job[field];
    appliedFields.push(field);
  }
  return { ...merge, data, appliedFields };
}
