import { equipmentTokens, searchKey } from '../../shared/inventory/search-key';

/**
 * Fields stored beside an equipment record only to index it; derived from the record on
 * every write, never sent to the server.
 */
export const EQUIPMENT_INDEX_FIELDS = ['serialKey', 'searchTokens'] as const;

export interface EquipmentIndexFields {
  serialKey: string;
  searchTokens: string[];
}

export function equipmentIndexFields(record: Record<string, unknown>): EquipmentIndexFields {
  const str = (key: string) => (typeof record[key] === 'string' ? (record[key] as string) : '');
  return {
    serialKey: searchKey(str('serialNumber')),
    searchTokens: equipmentTokens({
      serialNumber: str('serialNumber'),
      assetTag: str('assetTag'),
      hostname: str('hostname'),
      model: str('model'),
      assignedUser: str('assignedUser'),
    }),
  };
}
