import { equipmentTokens, searchKey } from '../../shared/inventory/search-key';

/**
 * Fields stored beside an equipment record only to index it; derived from the record on
 * every write, never sent to the server. `searchTokens` is no longer written (schema v3:
 * the search index lives in memory, renderer/db/equipment-search.ts) but records written
 * before may still carry it: it is stripped like the others.
 */
export const EQUIPMENT_INDEX_FIELDS = ['serialKey', 'searchTokens'] as const;

export interface EquipmentIndexFields {
  serialKey: string;
  /** Only on records written by schema v2 and not since (see above). */
  searchTokens?: string[];
}

const str = (record: Record<string, unknown>, key: string) =>
  typeof record[key] === 'string' ? (record[key] as string) : '';

export function equipmentIndexFields(record: Record<string, unknown>): EquipmentIndexFields {
  return { serialKey: searchKey(str(record, 'serialNumber')) };
}

/** The fields schema v2's upgrade computed; kept as they were (a released version never changes). */
export function equipmentIndexFieldsV2(
  record: Record<string, unknown>,
): Required<EquipmentIndexFields> {
  return {
    serialKey: searchKey(str(record, 'serialNumber')),
    searchTokens: equipmentTokens({
      serialNumber: str(record, 'serialNumber'),
      assetTag: str(record, 'assetTag'),
      hostname: str(record, 'hostname'),
      model: str(record, 'model'),
      assignedUser: str(record, 'assignedUser'),
    }),
  };
}
