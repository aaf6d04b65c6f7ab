import type { EquipmentDraft } from '../equipment';
import { searchKey } from '../search-key';

/** A record the client already has, as the import compares it. */
export type ExistingEquipment = EquipmentDraft & { readonly id: string };

/**
 * The client's equipment indexed the three ways a re-imported row is recognised: serial
 * number, then inventory number (asset tag), then hostname (only when one record has it:
 * hostnames are reused).
 */
export class ExistingIndex {
  private readonly bySerial = new Map<string, ExistingEquipment>();
  private readonly byTag = new Map<string, ExistingEquipment>();
  private readonly byHost = new Map<string, ExistingEquipment[]>();

  constructor(existing: readonly ExistingEquipment[]) {
    for (const e of existing) {
      const serial = searchKey(e.serialNumber);
      if (serial !== '' && !this.bySerial.has(serial)) this.bySerial.set(serial, e);
      const tag = searchKey(e.assetTag);
      if (tag !== '' && !this.byTag.has(tag)) this.byTag.set(tag, e);
      const host = searchKey(e.hostname);
      if (host !== '') this.byHost.set(host, [...(this.byHost.get(host) ?? []), e]);
    }
  }

  withSerial(key: string): ExistingEquipment | undefined {
    return key === '' ? undefined : this.bySerial.get(key);
  }

  withTag(key: string): ExistingEquipment | undefined {
    return key === '' ? undefined : this.byTag.get(key);
  }

  /**
   * The record a row stands for: same serial; else same asset tag, unless both carry
   * different serials (two machines); else the one record with that hostname whose serial
   * and tag do not contradict the row's.
   */
  match(row: { serialKey: string; tagKey: string; hostKey: string }): ExistingEquipment | null {
    const bySerial = this.withSerial(row.serialKey);
    if (bySerial) return bySerial;
    const compatible = (e: ExistingEquipment) => {
      const serial = searchKey(e.serialNumber);
      const tag = searchKey(e.assetTag);
      return (
        (row.serialKey === '' || serial === '' || serial === row.serialKey) &&
        (row.tagKey === '' || tag === '' || tag === row.tagKey)
      );
    };
    const byTag = this.withTag(row.tagKey);
    if (byTag) return compatible(byTag) ? byTag : null;
    if (row.hostKey === '') return null;
    const hosts = (this.byHost.get(row.hostKey) ?? []).filter(compatible);
    return hosts.length === 1 ? hosts[0]! : null;
  }
}

/** The fields of a record a file can change, compared for the "changed" preview. */
export const COMPARED_FIELDS = [
  'category',
  'categoryLabel',
  'brand',
  'model',
  'serialNumber',
  'assetTag',
  'hostname',
  'assignedUser',
  'siteId',
  'location',
  'purchaseDate',
  'warrantyEndDate',
  'status',
  'statusLabel',
  'covered',
  'declared',
  'discoveredOn',
  'notes',
] as const satisfies readonly (keyof EquipmentDraft)[];
export type ComparedField = (typeof COMPARED_FIELDS)[number];

export interface FieldChange {
  readonly field: ComparedField;
  readonly before: string | boolean | null;
  readonly after: string | boolean | null;
}

const IDENTIFIERS: ReadonlySet<ComparedField> = new Set(['serialNumber', 'assetTag', 'hostname']);

/** An absent label and an empty one are the same: nothing was kept. */
function comparable(value: unknown): string | boolean | null {
  if (value === undefined || value === '') return null;
  return value as string | boolean | null;
}

/** The fields `patch` changes on `existing`, in a fixed order. */
export function changedFields(
  existing: ExistingEquipment,
  patch: Partial<Record<ComparedField, unknown>>,
): FieldChange[] {
  const changes: FieldChange[] = [];
  for (const field of COMPARED_FIELDS) {
    if (!(field in patch)) continue;
    const before = comparable(existing[field]);
    const after = comparable(patch[field]);
    if (before === after) continue;
    // "5cd 123-ab" is our "5CD123AB": the same identifier, written differently, is no change.
    if (
      IDENTIFIERS.has(field) &&
      typeof before === 'string' &&
      typeof after === 'string' &&
      searchKey(before) === searchKey(after)
    )
      continue;
    changes.push({ field, before, after });
  }
  return changes;
}
