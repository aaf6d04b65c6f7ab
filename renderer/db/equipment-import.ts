import Dexie from 'dexie';
import { uuidv7 } from 'uuidv7';
import type { ColumnMapping } from '../../shared/inventory/csv/columns';
import { planImport, planImportBatches } from '../../shared/inventory/csv/import-plan';
import type { AcceptedRow, ImportPlan, RejectedRow } from '../../shared/inventory/csv/import-plan';
import type { ParsedCsv } from '../../shared/inventory/csv/parse';
import type { Equipment } from '../../shared/inventory/equipment';
import { queueCreatedRecords } from './changes';
import type { WriteOptions } from './changes';
import type { BordereauDb } from './database';

async function contextFor(db: BordereauDb, clientId: string) {
  const [sites, serialKeys] = await Promise.all([
    db.sites.where('clientId').equals(clientId).toArray(),
    // Only the serial keys, straight from the [clientId+serialKey] index.
    db.equipment
      .where('[clientId+serialKey]')
      .between([clientId, Dexie.minKey], [clientId, Dexie.maxKey])
      .keys()
      .then((keys) => keys.map((k) => String((k as unknown as [string, string])[1]))),
  ]);
  return { clientId, sites, existingSerialKeys: new Set(serialKeys.filter((k) => k !== '')) };
}

/** What an import would do, without writing anything (the preview step). */
export async function previewImport(
  db: BordereauDb,
  clientId: string,
  csv: ParsedCsv,
  mapping: ColumnMapping,
): Promise<ImportPlan> {
  return planImport(csv, mapping, await contextFor(db, clientId));
}

export interface ImportResult extends ImportPlan {
  readonly imported: readonly Equipment[];
}

/** Rows planned and queued for writing at a time (see importEquipment). */
const WRITE_BATCH_ROWS = 1_000;

/**
 * Imports the accepted rows in ONE transaction (re-checked inside it, so a record saved
 * meanwhile cannot slip a duplicate in): either every accepted row is saved with its outbox
 * entry, or nothing is. Rejected rows are returned with their reasons.
 *
 * The rows are planned a batch at a time and each batch's writes are queued at once, with no
 * await in between: the database writes one batch while the next is validated, instead of
 * waiting for the whole file to be read (docs/benchmarks.md, Inventory).
 */
export async function importEquipment(
  db: BordereauDb,
  clientId: string,
  csv: ParsedCsv,
  mapping: ColumnMapping,
  options: WriteOptions = {},
): Promise<ImportResult> {
  const now = options.now ?? Date.now();
  return db.transaction('rw', [db.equipment, db.sites, db.outbox], async () => {
    const context = await contextFor(db, clientId);
    const accepted: AcceptedRow[] = [];
    const rejected: RejectedRow[] = [];
    const writes: Promise<Equipment[]>[] = [];
    for (const batch of planImportBatches(csv, mapping, context, WRITE_BATCH_ROWS)) {
      for (const row of batch.accepted) accepted.push(row);
      for (const row of batch.rejected) rejected.push(row);
      const records: Equipment[] = batch.accepted.map((row) => ({
        ...row.draft,
        id: uuidv7(),
        revision: null,
        updatedAt: now,
      }));
      if (records.length > 0) writes.push(queueCreatedRecords(db, 'equipment', records, now));
    }
    const imported = (await Promise.all(writes)).flat();
    return { accepted, rejected, imported };
  });
}
