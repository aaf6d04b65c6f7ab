import { mappingProblems } from '../../../shared/inventory/csv/columns';
import type { ColumnMapping } from '../../../shared/inventory/csv/columns';
import type { DateOrder } from '../../../shared/inventory/csv/dates';
import type { TextEncodingName } from '../../../shared/inventory/csv/encoding';
import { importCounts } from '../../../shared/inventory/csv/import-counts';
import type { ImportAnalysis, ImportChoices } from '../../../shared/inventory/csv/import-analysis';
import type { CsvFailure } from '../../../shared/inventory/csv/parse';
import { readInventoryFile } from '../../../shared/inventory/csv/read-file';
import type { InventoryFile } from '../../../shared/inventory/csv/read-file';
import type { ValueMapping } from '../../../shared/inventory/csv/value-mapping';
import { importEquipment, previewImport } from '../../db/equipment-import';
import type { ImportMode, ImportResult } from '../../db/equipment-import';
import type { UseCaseDeps } from '../deps';

export type { ImportMode, ImportResult };

export const HEADER_ONLY_MESSAGE =
  'Le fichier ne contient que l’en-tête : aucune ligne à importer.';

/**
 * Reads the file a client sent (CSV in any encoding, or .xlsx), in the encoding the user
 * chose if any: a French message for a file that cannot be read or holds no row.
 */
export async function readImportFile(
  bytes: Uint8Array,
  encoding?: TextEncodingName,
): Promise<InventoryFile | CsvFailure> {
  const file = await readInventoryFile(bytes, encoding ? { encoding } : {});
  if (!file.ok) return file;
  if (file.rows.length === 0) return { ok: false, message: HEADER_ONLY_MESSAGE };
  return file;
}

/**
 * What importing the file into the client's inventory would do with the choices made so far
 * (anything left out is guessed, the values' mapping starts from the client's last import),
 * without writing anything.
 */
export async function previewInventoryImport(
  deps: UseCaseDeps,
  input: {
    readonly clientId: string;
    readonly file: InventoryFile;
    readonly choices: Omit<ImportChoices, 'remembered'>;
  },
): Promise<ImportAnalysis> {
  return previewImport(deps.db, input.clientId, input.file, input.choices);
}

/** The choices the preview settled, which the import writes with. */
export interface SettledChoices {
  readonly mapping: ColumnMapping;
  readonly dateOrder: DateOrder;
  readonly values: ValueMapping;
}

/**
 * Imports the file into the client's inventory with the choices the preview showed, in one
 * transaction (all or nothing) at the clock's time: new equipment added, and in 'update'
 * mode the changed equipment updated. A mapping that names no column identifying the
 * equipment is refused before anything is read.
 */
export async function importInventory(
  deps: UseCaseDeps,
  input: {
    readonly clientId: string;
    readonly file: InventoryFile;
    readonly choices: SettledChoices;
    readonly mode: ImportMode;
    readonly onProgress?: (done: number, total: number) => void;
  },
): Promise<ImportResult> {
  const [problem] = mappingProblems(input.choices.mapping);
  if (problem !== undefined) throw new Error(problem);
  return importEquipment(deps.db, input.clientId, input.file, input.choices, {
    now: deps.clock.now(),
    mode: input.mode,
    ...(input.onProgress ? { onProgress: input.onProgress } : {}),
  });
}

/** How many records the import would write in this mode. */
export function importWrites(analysis: ImportAnalysis, mode: ImportMode): number {
  const counts = importCounts(analysis.plan);
  return counts.new + (mode === 'update' ? counts.changed : 0);
}
