import { saveAttachment } from '../../../../renderer/db/repositories/attachments';
import { createDraftReport, sealStoredReport } from '../../../../renderer/db/repositories/reports';
import type { StoredReport } from '../../../../renderer/db/repositories/reports';
import { startVisit } from '../../../../renderer/use-cases/visits/start-visit';
import { tapTimer } from '../../../../renderer/use-cases/visits/tap-timer';
import { SEALED_AT, sampleSignatures } from '../../../fixtures/report/sample-report';
import { draftFor } from '../../visits/visit-fixtures';
import { newVisitInput, visitWorld } from '../visits/visit-world';
import type { VisitWorld } from '../visits/visit-world';

/** The PDF kept at signing: printing and saving hand over exactly these bytes. */
export const KEPT_PDF = new TextEncoder().encode('%PDF-1.7\n% la copie remise au client\n');

/** A signed report with its kept PDF, in a new visit world (close its database after). */
export async function signedReportWithPdf(): Promise<{ world: VisitWorld; stored: StoredReport }> {
  const world = await visitWorld();
  const visit = await startVisit(world.deps, newVisitInput(world));
  await tapTimer(world.deps, { visitId: visit.id, action: 'stop' });
  world.clock.at = SEALED_AT;
  const draft = await createDraftReport(world.db, draftFor(visit), world.clock.now());
  const sealed = await sealStoredReport(world.db, draft.id, sampleSignatures(), world.clock.now());
  await saveAttachment(world.db, {
    ownerId: sealed.id,
    clientId: sealed.clientId,
    kind: 'pdf',
    mimeType: 'application/pdf',
    fileName: `${sealed.content.number}.pdf`,
    createdAt: SEALED_AT,
    bytes: KEPT_PDF.slice(),
  });
  return { world, stored: sealed };
}
