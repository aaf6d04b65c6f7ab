import type { ImportPlan } from './import-plan';

export interface ImportCounts {
  readonly new: number;
  readonly changed: number;
  readonly unchanged: number;
  readonly rejected: number;
  /** Rows with at least one warning. */
  readonly warned: number;
}

export function importCounts(plan: ImportPlan): ImportCounts {
  const by = (kind: 'new' | 'changed' | 'unchanged') =>
    plan.accepted.filter((r) => r.kind === kind).length;
  return {
    new: by('new'),
    changed: by('changed'),
    unchanged: by('unchanged'),
    rejected: plan.rejected.length,
    warned: new Set(plan.warnings.map((w) => w.line)).size,
  };
}
