import { localDateOf } from '../../../shared/calendar/local-date';
import { billableLinesCsv } from '../../../shared/office/billable-csv';
import type { ReviewRow } from '../../../shared/office/review-rows';
import type { Clock } from '../deps';

/** A text file for the screen to save. */
export interface TextFile {
  readonly fileName: string;
  readonly text: string;
  readonly type: string;
}

/**
 * The billable lines of the rows the office has filtered, as the CSV file for the invoicing
 * tool, named for the clock's day (drafts and included visits have nothing to bill).
 */
export function billableCsvFile(
  deps: { readonly clock: Clock },
  rows: readonly ReviewRow[],
): TextFile {
  return {
    fileName: `lignes-facturables-${localDateOf(deps.clock.now())}.csv`,
    text: billableLinesCsv(rows),
    type: 'text/csv;charset=utf-8',
  };
}

/** Whether the rows hold anything to export: at least one signed bordereau. */
export function hasBillableRows(rows: readonly ReviewRow[]): boolean {
  return rows.some((r) => r.status !== 'draft');
}
