import { guessMapping } from './columns';
import type { ColumnMapping, ImportField } from './columns';
import { detectDateOrder } from './dates';
import type { DateOrder, DateOrderGuess } from './dates';
import { planImport } from './import-plan';
import type { ImportContext, ImportPlan } from './import-plan';
import type { ParsedCsv } from './parse';
import { distinctValues, EMPTY_VALUE_MAPPING, proposeValueMapping } from './value-mapping';
import type { DistinctValue, ValueMapping } from './value-mapping';

/** What the user chose in the mapping step; anything left out is guessed. */
export interface ImportChoices {
  readonly mapping?: ColumnMapping;
  readonly dateOrder?: DateOrder;
  /** The values' mapping chosen for this file (over the guesses). */
  readonly values?: ValueMapping;
  /** The client's mapping remembered from earlier imports. */
  readonly remembered?: ValueMapping;
}

export interface ResolvedChoices {
  readonly mapping: ColumnMapping;
  readonly dateOrder: DateOrder;
  /** What the data says about the date order, whatever the user chose. */
  readonly detectedDateOrder: DateOrderGuess;
  readonly categoryValues: readonly DistinctValue[];
  readonly statusValues: readonly DistinctValue[];
  /** Our category and status for each of the file's values. */
  readonly values: ValueMapping;
}

export interface ImportAnalysis extends ResolvedChoices {
  readonly plan: ImportPlan;
}

const DATE_FIELDS: readonly ImportField[] = [
  'purchaseDate',
  'warrantyEndDate',
  'warrantyStartDate',
  'discoveredOn',
];

/** Every cell of the mapped date columns (to detect the date order from). */
export function dateCells(table: ParsedCsv, mapping: ColumnMapping): string[] {
  const columns = DATE_FIELDS.map((f) => mapping[f]).filter((c): c is number => c !== null);
  return table.rows.flatMap((r) => columns.map((c) => r.cells[c] ?? ''));
}

/**
 * The mapping step's choices, each the user's or else guessed from the file: column
 * mapping, date order, our category and status for each of the file's values.
 */
export function resolveChoices(table: ParsedCsv, choices: ImportChoices = {}): ResolvedChoices {
  const mapping = choices.mapping ?? guessMapping(table.headers);
  const detectedDateOrder = detectDateOrder(dateCells(table, mapping));
  const categoryValues = distinctValues(table, mapping.category);
  const statusValues = distinctValues(table, mapping.status);
  const proposed = proposeValueMapping(
    categoryValues,
    statusValues,
    choices.remembered ?? EMPTY_VALUE_MAPPING,
  );
  return {
    mapping,
    dateOrder: choices.dateOrder ?? detectedDateOrder.order,
    detectedDateOrder,
    categoryValues,
    statusValues,
    values: {
      category: { ...proposed.category, ...choices.values?.category },
      status: { ...proposed.status, ...choices.values?.status },
    },
  };
}

/**
 * The whole mapping step in one pure function, the same for the app and the preview
 * command: the choices resolved, then the plan of what importing would do.
 */
export function analyseImport(
  table: ParsedCsv,
  ctx: ImportContext,
  choices: ImportChoices = {},
): ImportAnalysis {
  const resolved = resolveChoices(table, choices);
  const plan = planImport(table, resolved.mapping, ctx, {
    dateOrder: resolved.dateOrder,
    values: resolved.values,
  });
  return { ...resolved, plan };
}
