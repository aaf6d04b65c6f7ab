import { siteFieldsSchema, siteSchema } from '../../../shared/inventory/site';
import type { Site, SiteFields } from '../../../shared/inventory/site';
import { putRecord, updateRecord } from '../changes';
import type { WriteOptions } from '../changes';
import type { BordereauDb } from '../database';
import { newRecordMeta } from './new-record';

export async function createSite(
  db: BordereauDb,
  fields: SiteFields,
  options: WriteOptions = {},
): Promise<Site> {
  const now = options.now ?? Date.now();
  const site = siteSchema.parse({ ...siteFieldsSchema.parse(fields), ...newRecordMeta(now) });
  return putRecord(db, 'sites', site, { ...options, now });
}

export async function updateSite(
  db: BordereauDb,
  id: string,
  fields: Partial<SiteFields>,
  options: WriteOptions = {},
): Promise<Site> {
  return updateRecord<Site>(db, 'sites', id, fields as Partial<Site>, {
    ...options,
    validate: (merged) => siteSchema.parse(merged),
  });
}

export async function listSites(db: BordereauDb, clientId: string): Promise<Site[]> {
  const sites = await db.sites.where('clientId').equals(clientId).toArray();
  return sites.sort((a, b) => a.name.localeCompare(b.name, 'fr'));
}
