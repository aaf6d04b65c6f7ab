import { equipmentToCsv } from '../../../shared/inventory/csv/export';
import type { BordereauDb } from '../../db/database';
import { listEquipment } from '../../db/repositories/equipment';
import { listSites } from '../../db/repositories/sites';

/** A file to hand to the browser's download: its name and its text. */
export interface CsvFile {
  readonly fileName: string;
  readonly text: string;
}

/** `Cabinet Médical d’Orvault` → `Cabinet-Medical-d-Orvault`: a name every file system takes. */
export function safeFileName(name: string): string {
  return (
    name
      .normalize('NFD')
      // The accents NFD split off ("é" → "e" + U+0301) go; they made "Me-dical" before.
      .replace(/\p{M}/gu, '')
      .replace(/[^A-Za-z0-9]+/g, '-')
      .replace(/^-|-$/g, '') || 'client'
  );
}

/**
 * The client's inventory in the import's own format (Excel FR), read from the database when
 * asked: the file holds every item stored, whatever the page has read so far.
 */
export async function exportInventoryCsv(
  db: BordereauDb,
  client: { readonly id: string; readonly name: string },
): Promise<CsvFile> {
  const [items, sites] = await Promise.all([
    listEquipment(db, client.id),
    listSites(db, client.id),
  ]);
  return {
    fileName: `inventaire-${safeFileName(client.name)}.csv`,
    text: equipmentToCsv(items, new Map(sites.map((s) => [s.id, s.name]))),
  };
}
