import { z } from 'zod';
import { TIMER_ACTIONS } from '../../../shared/time/events';
import { addTeamMember, signTeamMember, tapTeamMember } from '../../../shared/visit/team';
import type { TeamMember } from '../../../shared/visit/team';
import { visitRecordSchema } from '../../../shared/visit/visit-record';
import type { VisitRecord } from '../../../shared/visit/visit-record';
import { putRecord, RecordNotFoundError } from '../../db/changes';
import type { BordereauDb, LooseRecord } from '../../db/database';
import { getDb } from '../../db/database';
import { getTechnicianProfile } from '../../db/repositories/profile';
import { clock } from '../../platform/clock';
import { uuidv7 } from 'uuidv7';

export interface TeamDeps {
  readonly db: BordereauDb;
  /** The device clock (ms). */
  readonly now: () => number;
  /** A fresh id (UUIDv7 in the app). */
  readonly newId: () => string;
}

/** The app's own: its database, the device clock, UUIDv7 ids. */
export function appTeamDeps(): TeamDeps {
  return { db: getDb(), now: () => clock.now(), newId: uuidv7 };
}

/** A signed visit is frozen, its team too (the same rule as the visit's repository). */
const SIGNED_TEXT =
  'Cette intervention est signée : elle ne peut plus être modifiée. Créez une nouvelle version du bordereau.';

/**
 * Changes the visit's team in one transaction through the one write path (record and
 * outbox together), so a tap is stored at once and synced like the visit's own; the
 * change throws its French message and writes nothing when it cannot happen.
 */
async function changeTeam(
  deps: TeamDeps,
  visitId: string,
  change: (team: readonly TeamMember[], visit: VisitRecord, now: number) => TeamMember[],
): Promise<readonly TeamMember[]> {
  const { db } = deps;
  const now = deps.now();
  return db.transaction('rw', db.interventions, db.outbox, async () => {
    const stored = await db.interventions.get(visitId);
    if (!stored) throw new RecordNotFoundError('interventions', visitId);
    const visit = visitRecordSchema.parse(stored);
    if (visit.status === 'signed') throw new Error(SIGNED_TEXT);
    const team = change(visit.team ?? [], visit, now);
    const next = visitRecordSchema.parse({ ...visit, team });
    await putRecord(db, 'interventions', next as VisitRecord & LooseRecord, { now });
    return team;
  });
}

const addInput = z.object({
  visitId: z.string().min(1),
  name: z.string().trim().min(1, 'Indiquez le nom du technicien.').max(200),
});

/** Adds another technician to the visit (not the laptop's own, who runs the main timer). */
export async function addTechnician(
  deps: TeamDeps,
  input: unknown,
): Promise<readonly TeamMember[]> {
  const { visitId, name } = addInput.parse(input);
  const lead = (await getTechnicianProfile(deps.db))?.name ?? '';
  return changeTeam(deps, visitId, (team) => addTeamMember(team, { id: deps.newId(), name }, lead));
}

const tapInput = z.object({
  visitId: z.string().min(1),
  memberId: z.string().min(1),
  action: z.enum(TIMER_ACTIONS, 'Action inconnue.'),
});

/** Arrival, pause, resume or departure of another technician, at the tap's time. */
export async function tapTechnician(
  deps: TeamDeps,
  input: unknown,
): Promise<readonly TeamMember[]> {
  const { visitId, memberId, action } = tapInput.parse(input);
  return changeTeam(deps, visitId, (team, _visit, now) =>
    tapTeamMember(team, memberId, { eventId: deps.newId(), action, at: now }),
  );
}

const signInput = z.object({
  visitId: z.string().min(1),
  memberId: z.string().min(1),
  imagePngDataUrl: z.string().min(1, 'Signez dans le cadre.'),
});

/** Another technician signs once they have left; the image goes on the bordereau. */
export async function signTechnician(
  deps: TeamDeps,
  input: unknown,
): Promise<readonly TeamMember[]> {
  const { visitId, memberId, imagePngDataUrl } = signInput.parse(input);
  return changeTeam(deps, visitId, (team, _visit, now) =>
    signTeamMember(team, memberId, { signedAt: now, imagePngDataUrl }),
  );
}
