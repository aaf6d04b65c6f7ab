import type { VisitWork } from '../../../shared/visit/visit-record';
import type { VisitContext } from './useVisitContext';

/**
 * What every part of the work record gets from WorkRecordForm: the work as shown, and
 * `commit`, which shows a change and saves it (saveWork) at once.
 */
export interface WorkDraft {
  readonly work: VisitWork;
  readonly commit: (patch: Partial<VisitWork>) => void;
}

/** A part of the work record that also reads the visit's context (inventory, catalogue, contract). */
export interface WorkContextDraft extends WorkDraft {
  readonly context: VisitContext;
}
