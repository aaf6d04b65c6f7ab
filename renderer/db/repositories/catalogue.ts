import {
  catalogueItemFieldsSchema,
  catalogueItemSchema,
} from '../../../shared/inventory/catalogue-item';
import type { CatalogueItem, CatalogueItemFields } from '../../../shared/inventory/catalogue-item';
import { putRecord } from '../changes';
import type { WriteOptions } from '../changes';
import type { BordereauDb } from '../database';
import { newRecordMeta } from './new-record';

export class DuplicateCatalogueCodeError extends Error {
  constructor(code: string) {
    super(`Le code « ${code} » existe déjà dans le catalogue.`);
    this.name = 'DuplicateCatalogueCodeError';
  }
}

export async function createCatalogueItem(
  db: BordereauDb,
  fields: CatalogueItemFields,
  options: WriteOptions = {},
): Promise<CatalogueItem> {
  const now = options.now ?? Date.now();
  const item = catalogueItemSchema.parse({
    ...catalogueItemFieldsSchema.parse(fields),
    ...newRecordMeta(now),
  });
  return db.transaction('rw', db.catalogueItems, db.outbox, async () => {
    if ((await db.catalogueItems.where('code').equals(item.code).count()) > 0)
      throw new DuplicateCatalogueCodeError(item.code);
    return putRecord(db, 'catalogueItems', item, { ...options, now });
  });
}

export async function listCatalogue(
  db: BordereauDb,
  kind?: CatalogueItem['kind'],
): Promise<CatalogueItem[]> {
  const items = kind
    ? await db.catalogueItems.where('kind').equals(kind).toArray()
    : await db.catalogueItems.toArray();
  return items.sort((a, b) => a.code.localeCompare(b.code, 'fr'));
}
