import type { SealFollowUp, StoredReport } from '../../db/repositories/reports';
import { getVisit } from '../../db/repositories/visits';
import type { TodayDeps } from './deps';
import { followVisit } from './follow-visit';
import { currentTechnicianId } from './technician';

/**
 * What sealing a bordereau also writes, in the sealing transaction: the planned job of its
 * visit becomes « Signée » when the work is resolved, « À poursuivre » (back to the office's
 * queue) when it is to be continued or interrupted.
 */
export async function followSealing(deps: TodayDeps, visitId: string): Promise<SealFollowUp> {
  const { db, clock } = deps;
  const technicianId = await currentTechnicianId(db);
  return {
    tables: ['jobs', 'requests'],
    write: async (sealed: StoredReport) => {
      const visit = await getVisit(db, visitId);
      if (!visit) return;
      await followVisit(
        db,
        visit,
        { kind: 'sealed', result: sealed.content.result.status },
        technicianId,
        clock.now(),
      );
    },
  };
}
