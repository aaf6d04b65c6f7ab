import { afterEach, describe, expect, it } from 'vitest';
import type { BordereauDb } from '../../../../renderer/db/database';
import { saveTechnicianProfile } from '../../../../renderer/db/repositories/profile';
import {
  addTechnician,
  signTechnician,
  tapTechnician,
} from '../../../../renderer/use-cases/team/record-team';
import type { TeamDeps } from '../../../../renderer/use-cases/team/record-team';
import { TimerError } from '../../../../shared/time/errors';
import { visitTimeline } from '../../../../shared/time/segments';
import { freshDb } from '../../db/fresh-db';
import { MINUTE, T0, newVisit } from '../../visits/visit-fixtures';

const PNG = 'data:image/png;base64,iVBORw0KGgoAAAA';
let db: BordereauDb | null = null;
afterEach(() => {
  db?.close();
  db = null;
});

function depsAt(database: BordereauDb) {
  let clock = T0;
  let id = 0;
  const deps: TeamDeps = {
    db: database,
    now: () => clock,
    newId: () => `id-${++id}`,
  };
  return { deps, at: (minutes: number) => (clock = T0 + minutes * MINUTE) };
}

describe('recording a second technician on the visit', () => {
  it('adds them, stores each tap at once (queued for sync), and their signature after departure', async () => {
    db = freshDb();
    await saveTechnicianProfile(db, { name: 'Jean Dupont', code: 'JD', signaturePngDataUrl: PNG });
    const visit = await newVisit(db);
    await db.outbox.clear();
    const { deps, at } = depsAt(db);

    const [member] = await addTechnician(deps, { visitId: visit.id, name: 'Sophie Martin' });
    await expect(addTechnician(deps, { visitId: visit.id, name: 'Jean Dupont' })).rejects.toThrow(
      'déjà sur cette intervention',
    );
    at(60);
    await tapTechnician(deps, { visitId: visit.id, memberId: member!.id, action: 'start' });
    await expect(
      tapTechnician(deps, { visitId: visit.id, memberId: member!.id, action: 'resume' }),
    ).rejects.toThrow(TimerError);
    at(150);
    await tapTechnician(deps, { visitId: visit.id, memberId: member!.id, action: 'stop' });
    at(151);
    await signTechnician(deps, { visitId: visit.id, memberId: member!.id, imagePngDataUrl: PNG });

    const stored = await db.interventions.get(visit.id);
    const team = (stored as { team?: unknown[] }).team as {
      name: string;
      events: Parameters<typeof visitTimeline>[0];
      signature: unknown;
    }[];
    expect(team).toHaveLength(1);
    expect(team[0]!.name).toBe('Sophie Martin');
    expect(visitTimeline(team[0]!.events)).toMatchObject({
      arrival: T0 + 60 * MINUTE,
      departure: T0 + 150 * MINUTE,
      workedMinutes: 90,
    });
    expect(team[0]!.signature).toEqual({ signedAt: T0 + 151 * MINUTE, imagePngDataUrl: PNG });
    // One outbox entry per stored change: add, arrival, departure, signature.
    expect(await db.outbox.count()).toBe(4);
  });

  it('refuses to change the team of a signed visit', async () => {
    db = freshDb();
    const visit = await newVisit(db);
    await db.interventions.update(visit.id, { status: 'signed' });
    const { deps } = depsAt(db);
    await expect(addTechnician(deps, { visitId: visit.id, name: 'Sophie Martin' })).rejects.toThrow(
      'signée',
    );
  });
});
