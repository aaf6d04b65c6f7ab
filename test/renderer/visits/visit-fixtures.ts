import { uuidv7 } from 'uuidv7';
import type { BordereauDb } from '../../../renderer/db/database';
import { createVisit } from '../../../renderer/db/repositories/visits';
import type { NewDraftReport } from '../../../renderer/db/repositories/reports';
import type { VisitRecord } from '../../../shared/visit/visit-record';
import { sampleDraft } from '../../fixtures/report/sample-report';

export const CLIENT_ID = '0192b3c4-0000-7000-8000-0000000000c1';
export const SITE_ID = '0192b3c4-0000-7000-8000-0000000000a1';
export const CONTRACT_ID = 'contract-1';

/** Monday 23 November 2026, 09:00 in Paris. */
export const T0 = Date.UTC(2026, 10, 23, 8, 0);
export const MINUTE = 60_000;

export function newVisit(db: BordereauDb, now = T0): Promise<VisitRecord> {
  return createVisit(
    db,
    {
      clientId: CLIENT_ID,
      siteId: SITE_ID,
      contractId: CONTRACT_ID,
      header: {
        mode: 'onsite',
        type: 'curative',
        urgency: 'normal',
        request: 'Serveur lent',
        representative: { name: 'Hélène Lefèvre', role: 'Gérante' },
        clientConfirmedBackup: true,
      },
    },
    now,
  );
}

/** A complete draft for `visit`, technician `code`, issued at `issuedAt`. */
export function draftFor(
  visit: VisitRecord,
  options: { code?: string; issuedAt?: number } = {},
): NewDraftReport {
  const { number: _number, ...content } = sampleDraft().content;
  const code = options.code ?? 'JD';
  return {
    interventionId: visit.id,
    clientId: visit.clientId,
    content: {
      ...content,
      id: uuidv7(),
      issuedAt: options.issuedAt ?? content.issuedAt,
      technician: { ...content.technician, code },
    },
  };
}
