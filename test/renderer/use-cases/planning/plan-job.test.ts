import { describe, expect, it } from 'vitest';
import { moveJob } from '../../../../renderer/use-cases/planning/move-job';
import { saveNeedsLog } from '../../../../renderer/use-cases/planning/needs-log';
import { planJob } from '../../../../renderer/use-cases/planning/plan-job';
import { recordRequest } from '../../../../renderer/use-cases/planning/record-request';
import { saveJobWork } from '../../../../renderer/use-cases/planning/job-work';
import { ALICE, BRUNO, at, planningWorld } from './planning-fixtures';
import type { PlanningWorld } from './planning-fixtures';
import { readOutbox } from '../../../../renderer/db/outbox';

async function request(w: PlanningWorld, kind: 'incident' | 'planned-visit') {
  return recordRequest(w.deps, {
    clientId: w.clientId,
    siteId: w.siteId,
    description: kind === 'incident' ? 'Poste bloqué' : 'Visite trimestrielle',
    channel: 'phone',
    calledAt: at('2026-12-01', '09:00'),
    kind,
  });
}

describe('planJob, moveJob, saveNeedsLog, saveJobWork', () => {
  it('plans a request for two technicians, with the request’s client', async () => {
    const w = await planningWorld(at('2026-12-01', '09:05'));
    const r = await request(w, 'incident');
    const job = await planJob(w.deps, {
      requestId: r.id,
      technicianIds: [ALICE, BRUNO],
      date: '2026-12-02',
      slot: { from: '14:00', to: '17:30' },
    });
    expect(await w.db.jobs.where('technicianIds').equals(BRUNO).toArray()).toEqual([
      expect.objectContaining({
        id: job.id,
        clientId: w.clientId,
        status: 'planned',
        needsLog: null,
      }),
    ]);
    await expect(
      planJob(w.deps, { requestId: r.id, technicianIds: [], date: '2026-12-02', slot: job.slot }),
    ).rejects.toThrow('Affectez au moins un technicien.');
  });

  it('moves a planned visit with 48 hours’ notice only, unless the client agreed', async () => {
    const w = await planningWorld(at('2026-12-01', '09:05'));
    const r = await request(w, 'planned-visit');
    const job = await planJob(w.deps, {
      requestId: r.id,
      technicianIds: [ALICE],
      date: '2026-12-03',
      slot: { from: '09:00', to: '12:30' },
    });
    expect(job.needsLog).toEqual({ items: [], validatedAt: null, validatedBy: '' });
    // Wednesday 9:00 → Thursday 9:00 is 48 h: moved.
    w.deps.setNow(at('2026-12-01', '09:00'));
    const moved = await moveJob(w.deps, job.id, {
      date: '2026-12-04',
      slot: { from: '14:00', to: '17:00' },
    });
    expect(moved).toMatchObject({ date: '2026-12-04', slot: { from: '14:00' } });
    // Thursday 14:00, asked Wednesday 15:00: 23 h before, refused…
    w.deps.setNow(at('2026-12-03', '15:00'));
    await expect(
      moveJob(w.deps, job.id, { date: '2026-12-08', slot: { from: '09:00', to: '12:30' } }),
    ).rejects.toThrow(/au moins 48 heures à l’avance/);
    expect(await w.db.jobs.get(job.id)).toMatchObject({ date: '2026-12-04' });
    // …unless the client agreed, and another technician may take it.
    const agreed = await moveJob(w.deps, job.id, {
      date: '2026-12-08',
      slot: { from: '09:00', to: '12:30' },
      technicianIds: [BRUNO],
      clientAgreed: true,
    });
    expect(agreed).toMatchObject({ date: '2026-12-08', technicianIds: [BRUNO] });
  });

  it('records the needs log’s validation, both who and when', async () => {
    const w = await planningWorld(at('2026-12-01', '09:05'));
    const r = await request(w, 'planned-visit');
    const job = await planJob(w.deps, {
      requestId: r.id,
      technicianIds: [ALICE],
      date: '2026-12-10',
      slot: { from: '09:00', to: '12:30' },
    });
    const saved = await saveNeedsLog(w.deps, job.id, {
      items: ['Mettre à jour le pare-feu', ' ', 'Vérifier les sauvegardes'],
      validatedBy: 'M. Martin',
      validatedAt: at('2026-12-04', '10:00'),
    });
    expect(saved.needsLog).toEqual({
      items: ['Mettre à jour le pare-feu', 'Vérifier les sauvegardes'],
      validatedBy: 'M. Martin',
      validatedAt: at('2026-12-04', '10:00'),
    });
    await expect(
      saveNeedsLog(w.deps, job.id, {
        items: [],
        validatedBy: '',
        validatedAt: at('2026-12-04', '10:00'),
      }),
    ).rejects.toThrow('Indiquez qui a validé le journal des besoins, et quand.');
  });

  it('records the field’s work with the job’s round, and refuses to move a started job', async () => {
    const w = await planningWorld(at('2026-12-01', '09:05'));
    const r = await request(w, 'incident');
    const job = await planJob(w.deps, {
      requestId: r.id,
      technicianIds: [ALICE],
      date: '2026-12-02',
      slot: { from: '09:00', to: '12:30' },
    });
    const visit = { visitId: job.id, technicianId: ALICE, status: 'in-progress' as const };
    await saveJobWork(w.deps, job.id, { status: 'in-progress', visits: [visit] });
    const last = (await readOutbox(w.db)).filter((m) => m.recordId === job.id).at(-1);
    expect(last?.changes).toMatchObject({ status: 'in-progress', round: 0, visits: [visit] });
    await expect(
      moveJob(w.deps, job.id, { date: '2026-12-05', slot: { from: '09:00', to: '12:30' } }),
    ).rejects.toThrow(
      'Seule une intervention planifiée, pas encore commencée, peut être déplacée.',
    );
  });
});
