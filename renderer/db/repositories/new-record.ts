import { uuidv7 } from 'uuidv7';

/** Identity of a record created on this device: a UUIDv7 (unique across laptops, offline). */
export function newRecordMeta(now: number): { id: string; revision: null; updatedAt: number } {
  return { id: uuidv7(), revision: null, updatedAt: now };
}
