import { uuidv7 } from 'uuidv7';
import { analyseImport, resolveChoices } from '../../shared/inventory/csv/import-analysis';
import type { ImportAnalysis, ImportChoices } from '../../shared/inventory/csv/import-analysis';
import { planImportBatches } from '../../shared/inventory/csv/import-plan';
import type {
  AcceptedRow,
  ImportContext,
  ImportWarning,
  RejectedRow,
} from '../../shared/inventory/csv/import-plan';
import type { ParsedCsv } from '../../shared/inventory/csv/parse';
import {
  EMPTY_VALUE_MAPPING,
  mergeValueMapping,
  valueMappingSchema,
} from '../../shared/inventory/csv/value-mapping';
import type { ValueMapping } from '../../shared/inventory/csv/value-mapping';
import type { Equipment } from '../../shared/inventory/equipment';
import { equipmentSchema } from '../../shared/inventory/equipment';
import { queueCreatedRecords, updateRecord } from './changes';
import type { WriteOptions } from './changes';
import type { BordereauDb } from './database';
import { reserveMutationIds } from './outbox';

/** What the plan compares rows against: the client's sites and equipment. */
export async function importContext(db: BordereauDb, clientId: string): Promise<ImportContext> {
  const [sites, existing] = await Promise.all([
    db.sites.where('clientId').equals(clientId).toArray(),
    db.equipment.where('clientId').equals(clientId).toArray(),
  ]);
  return { clientId, sites, existing };
}

/** The settings key of a client's remembered values' mapping (local to this device). */
export function valueMappingKey(clientId: string): string {
  return `inventory-import-values:${clientId}`;
}

/** The category and status choices made at this client's earlier imports (none if unreadable). */
export async function rememberedValueMapping(
  db: BordereauDb,
  clientId: string,
): Promise<ValueMapping> {
  const row = await db.settings.get(valueMappingKey(clientId));
  const parsed = valueMappingSchema.safeParse(row?.value);
  return parsed.success ? parsed.data : EMPTY_VALUE_MAPPING;
}

/** What an import would do, without writing anything (the preview step). */
export async function previewImport(
  db: BordereauDb,
  clientId: string,
  csv: ParsedCsv,
  choices: ImportChoices = {},
): Promise<ImportAnalysis> {
  const [ctx, remembered] = await Promise.all([
    importContext(db, clientId),
    choices.remembered ? Promise.resolve(choices.remembered) : rememberedValueMapping(db, clientId),
  ]);
  return analyseImport(csv, ctx, { ...choices, remembered });
}

/** Add the new rows only, or also update the client's equipment the file changes. */
export type ImportMode = 'add-only' | 'update';

export interface ImportOptions extends WriteOptions {
  readonly mode?: ImportMode;
  /** Called as batches are written: rows done so far, of `total`. */
  readonly onProgress?: (done: number, total: number) => void;
}

export interface ImportResult {
  readonly accepted: readonly AcceptedRow[];
  readonly rejected: readonly RejectedRow[];
  readonly warnings: readonly ImportWarning[];
  readonly imported: readonly Equipment[];
  readonly updated: readonly Equipment[];
  /** Rows equal to the client's equipment, and changed rows left alone in add-only mode. */
  readonly unchanged: number;
}

/** Rows planned and queued for writing at a time (see importEquipment). */
const WRITE_BATCH_ROWS = 1_000;

/**
 * Imports a file in ONE transaction, planned again inside it (so a record saved meanwhile
 * cannot slip a duplicate in): new rows are created, changed rows update only their changed
 * fields (in 'update' mode), each with its outbox entry; either all of it is saved or
 * nothing. The values' mapping is remembered for the client's next import.
 *
 * The rows are planned a batch at a time and each batch's writes are queued at once, with no
 * await in between: the database writes one batch while the next is validated
 * (docs/benchmarks.md, Inventory).
 */
export async function importEquipment(
  db: BordereauDb,
  clientId: string,
  csv: ParsedCsv,
  choices: Required<Pick<ImportChoices, 'mapping'>> & ImportChoices,
  options: ImportOptions = {},
): Promise<ImportResult> {
  const now = options.now ?? Date.now();
  const mode = options.mode ?? 'update';
  const total = csv.rows.length;
  return db.transaction('rw', [db.equipment, db.sites, db.outbox, db.settings], async () => {
    const context = await importContext(db, clientId);
    // Before any other outbox write of this transaction (see reserveMutationIds): the updates
    // below are queued after every creation batch.
    const ids = await reserveMutationIds(db);
    const remembered = choices.remembered ?? (await rememberedValueMapping(db, clientId));
    // The same choices the preview showed: mapping, date order, values.
    const resolved = resolveChoices(csv, { ...choices, remembered });
    const accepted: AcceptedRow[] = [];
    const rejected: RejectedRow[] = [];
    const warnings: ImportWarning[] = [];
    const writes: Promise<Equipment[]>[] = [];
    const toUpdate: Extract<AcceptedRow, { kind: 'changed' }>[] = [];
    let unchanged = 0;
    let done = 0;
    const batches = planImportBatches(csv, resolved.mapping, context, WRITE_BATCH_ROWS, {
      dateOrder: resolved.dateOrder,
      values: resolved.values,
    });
    for (const batch of batches) {
      accepted.push(...batch.accepted);
      rejected.push(...batch.rejected);
      warnings.push(...batch.warnings);
      const records: Equipment[] = [];
      for (const row of batch.accepted) {
        if (row.kind === 'new') {
          records.push({ ...row.draft, id: uuidv7(), revision: null, updatedAt: now });
        } else if (row.kind === 'changed' && mode === 'update') {
          toUpdate.push(row);
        } else {
          unchanged++;
        }
      }
      const size = batch.accepted.length + batch.rejected.length;
      const write = queueCreatedRecords(db, 'equipment', records, now, ids);
      writes.push(
        write.then((r) => {
          done += size;
          options.onProgress?.(done, total);
          return r;
        }),
      );
    }
    // Updates one by one while the creations are written: each merges its patch into the
    // record and queues only the changed fields for the office.
    const updated: Equipment[] = [];
    for (const row of toUpdate) {
      updated.push(
        await updateRecord<Equipment>(db, 'equipment', row.existingId, row.patch, {
          now,
          validate: (merged) => equipmentSchema.parse(merged),
        }),
      );
    }
    const imported = (await Promise.all(writes)).flat();
    await db.settings.put({
      key: valueMappingKey(clientId),
      value: mergeValueMapping(remembered, resolved.values),
    });
    return { accepted, rejected, warnings, imported, updated, unchanged };
  });
}
