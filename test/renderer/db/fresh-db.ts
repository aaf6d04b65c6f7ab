import { IDBKeyRange, indexedDB } from 'fake-indexeddb';
import { BordereauDb } from '../../../renderer/db/database';

let counter = 0;

/** A name no other test uses (fake-indexeddb keeps databases for the whole process). */
export function uniqueName(): string {
  counter += 1;
  return `test-${process.pid}-${Date.now()}-${counter}`;
}

/** A database over fake-indexeddb, passed explicitly so import order cannot matter. */
export function openTestDb(name: string, options: { upTo?: number } = {}): BordereauDb {
  return new BordereauDb(name, { ...options, indexedDB, IDBKeyRange });
}

/** A new, empty database. */
export function freshDb(options: { upTo?: number } = {}): BordereauDb {
  return openTestDb(uniqueName(), options);
}
