import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { planJob } from '../../../../renderer/use-cases/planning/plan-job';
import { recordRequest } from '../../../../renderer/use-cases/planning/record-request';
import { requestsCsv } from '../../../../renderer/use-cases/planning/request-csv';
import { requestRows, tallyRows } from '../../../../renderer/use-cases/planning/request-overview';
import { ALICE, at, planningWorld } from './planning-fixtures';

describe('requestRows, tallyRows, requestsCsv', () => {
  it('tells open, planned, late and met requests apart, per technician and client, and exports them', async () => {
    const w = await planningWorld(at('2026-12-07', '09:05'));
    // Monday 9:00, server: due Monday 14:30 (4 working hours).
    const late = await recordRequest(w.deps, {
      clientId: w.clientId,
      siteId: w.siteId,
      description: '=Serveur arrêté',
      channel: 'phone',
      calledAt: at('2026-12-07', '09:00'),
      kind: 'incident',
      slaClass: 'server-network',
    });
    const met = await recordRequest(w.deps, {
      clientId: w.clientId,
      siteId: w.siteId,
      description: 'Poste lent',
      channel: 'email',
      calledAt: at('2026-12-07', '09:00'),
      kind: 'incident',
      slaClass: 'workstation',
      respondedAt: at('2026-12-07', '16:00'),
    });
    await planJob(w.deps, {
      requestId: late.id,
      technicianIds: [ALICE],
      date: '2026-12-07',
      slot: { from: '16:00', to: '18:00' },
    });
    const sources = {
      requests: await w.db.requests.toArray(),
      jobs: await w.db.jobs.toArray(),
      sites: await w.db.sites.toArray(),
      contracts: await w.db.contracts.toArray(),
    };

    const morning = requestRows(sources, at('2026-12-07', '10:00'));
    expect(morning.map((r) => [r.request.id, r.planning, r.standing.status])).toEqual([
      [late.id, 'planned', 'open'],
      [met.id, 'to-plan', 'met'],
    ]);
    expect(morning[0]!.deadline?.dueAt).toBe(at('2026-12-07', '14:30'));

    const evening = requestRows(sources, at('2026-12-07', '15:00'));
    expect(evening[0]!.standing).toMatchObject({ status: 'late' });
    expect(tallyRows(evening, (r) => r.technicianIds)).toEqual([
      { key: ALICE, toPlan: 0, planned: 1, late: 1, met: 0, missed: 0 },
    ]);
    expect(tallyRows(evening, (r) => [r.request.clientId])).toEqual([
      { key: w.clientId, toPlan: 1, planned: 1, late: 1, met: 1, missed: 0 },
    ]);

    const csv = requestsCsv(evening, { client: () => 'Cabinet Martin', technician: () => 'Alice' });
    expect(csv.startsWith('\uFEFF')).toBe(true);
    const parsed = Papa.parse<string[]>(csv.slice(1).trim(), { delimiter: ';' }).data;
    expect(parsed[0]).toContain('Échéance');
    expect(parsed[1]).toEqual([
      '07/12/2026 09:00',
      'Cabinet Martin',
      'Incident',
      'Normal',
      "'=Serveur arrêté",
      '07/12/2026 14:30',
      'En retard',
      '',
      'Planifiée',
      '07/12/2026 16:00–18:00 Planifiée',
      'Alice',
    ]);
  });
});
