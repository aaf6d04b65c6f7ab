import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { getVisit } from '../../../../renderer/db/repositories/visits';
import {
  createDraftReport,
  getReport,
  sealStoredReport,
} from '../../../../renderer/db/repositories/reports';
import { correctReport } from '../../../../renderer/use-cases/reports/correct-report';
import { startVisit } from '../../../../renderer/use-cases/visits/start-visit';
import { tapTimer } from '../../../../renderer/use-cases/visits/tap-timer';
import { SEALED_AT, sampleSignatures } from '../../../fixtures/report/sample-report';
import { draftFor } from '../../visits/visit-fixtures';
import { newVisitInput, visitWorld } from '../visits/visit-world';
import type { VisitWorld } from '../visits/visit-world';

let world: VisitWorld | undefined;
afterEach(() => world?.db.close());

describe('correctReport', () => {
  it('opens version 2 under the same number, reopens the visit, and returns it when asked again', async () => {
    world = await visitWorld();
    const visit = await startVisit(world.deps, newVisitInput(world));
    await tapTimer(world.deps, { visitId: visit.id, action: 'stop' });
    // The fixture's signatures are given at the sample's times: sealed after them.
    world.clock.at = SEALED_AT;
    const draft = await createDraftReport(world.db, draftFor(visit), world.clock.now());
    const sealed = await sealStoredReport(
      world.db,
      draft.id,
      sampleSignatures(),
      world.clock.now(),
    );
    expect((await getVisit(world.db, visit.id))?.status).toBe('signed');

    const next = await correctReport(world.deps, { reportId: sealed.id });
    expect(next).toMatchObject({ status: 'draft', content: { number: sealed.content.number } });
    expect(next.content.version.number).toBe(2);
    expect(await getVisit(world.db, visit.id)).toMatchObject({
      status: 'to-sign',
      reportId: next.id,
    });
    expect((await correctReport(world.deps, { reportId: sealed.id })).id).toBe(next.id);
    expect((await getReport(world.db, sealed.id))?.status).toBe('sealed');
  });

  it('refuses to correct a draft, in French', async () => {
    world = await visitWorld();
    const visit = await startVisit(world.deps, newVisitInput(world));
    const draft = await createDraftReport(world.db, draftFor(visit), world.clock.now());
    await expect(correctReport(world.deps, { reportId: draft.id })).rejects.toThrow(
      'Seul un bordereau signé donne lieu à une nouvelle version.',
    );
  });
});
