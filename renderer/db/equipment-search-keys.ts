import { z } from 'zod';
import {
  blockPartsOf,
  EquipmentSearchIndex,
  searchKeysOf,
} from '../../shared/inventory/search-index';

/**
 * The search keys of every client's equipment, persisted beside it: one record per client
 * holding, for each of its items, the id, the normalised serial number and the other search
 * tokens (asset tag, hostname, user's words), one line per item. A start loads the search
 * index from these ~500 records in one read instead of reading 100,000 equipment records
 * (5–8 s on disk: docs/benchmarks.md, Inventory on disk).
 *
 * They are derived data, kept current by a database middleware in the same transaction as
 * every write to the equipment table (equipment-search-keys-middleware.ts), never synced nor
 * backed up (a restore rebuilds them as it writes the equipment). Changing how keys are
 * made (shared/inventory/search-index.ts) needs a new schema version that rebuilds them.
 */
export const SEARCH_KEYS_TABLE = 'equipmentSearchKeys';

/**
 * One client's keys, in the search index's own text format (SearchBlock: ids, serial keys,
 * other tokens, the same order in the three), so a start loads them without per-token work.
 */
export const searchKeysChunkSchema = z.object({
  clientId: z.string(),
  ids: z.string(),
  serials: z.string(),
  words: z.string(),
});
export type SearchKeysChunk = z.infer<typeof searchKeysChunkSchema>;

/** A record's part of its client's chunk. */
export interface ChunkEntry {
  readonly serial: string;
  readonly words: string;
}

/** The fields of an equipment record the keys are made from (stored shape, loosely typed). */
type EquipmentLike = Record<string, unknown>;

const text = (record: EquipmentLike, key: string): string =>
  typeof record[key] === 'string' ? (record[key] as string) : '';

/** The client an equipment record belongs to ('' for a record without one). */
export function clientOf(record: EquipmentLike): string {
  return text(record, 'clientId');
}

export function chunkEntryOf(record: EquipmentLike): ChunkEntry {
  return blockPartsOf(
    searchKeysOf({
      serialNumber: text(record, 'serialNumber'),
      assetTag: text(record, 'assetTag'),
      hostname: text(record, 'hostname'),
      model: text(record, 'model'),
      assignedUser: text(record, 'assignedUser'),
    }),
  );
}

/** A chunk's entries by record id (to change some of them); empty if damaged. */
export function chunkEntries(chunk: unknown): Map<string, ChunkEntry> {
  const entries = new Map<string, ChunkEntry>();
  const parsed = searchKeysChunkSchema.safeParse(chunk);
  if (!parsed.success || parsed.data.ids === '') return entries;
  const ids = parsed.data.ids.split('\n');
  const serials = parsed.data.serials.split('\n');
  // Each record's words start with a tab: the first piece is the empty text before it.
  const words = parsed.data.words.split('\t').slice(1);
  if (serials.length !== ids.length + 1 || words.length !== ids.length) return entries;
  ids.forEach((id, i) => entries.set(id, { serial: `${serials[i]}\n`, words: `\t${words[i]}` }));
  return entries;
}

export function chunkOf(
  clientId: string,
  entries: ReadonlyMap<string, ChunkEntry>,
): SearchKeysChunk {
  let serials = '';
  let words = '';
  for (const e of entries.values()) {
    serials += e.serial;
    words += e.words;
  }
  return { clientId, ids: [...entries.keys()].join('\n'), serials, words };
}

/** Every client's chunk, made from equipment records given page by page (an upgrade). */
export class ChunksBuilder {
  private readonly byClient = new Map<string, Map<string, ChunkEntry>>();

  add(records: Iterable<object>): void {
    for (const record of records as Iterable<EquipmentLike>) {
      const client = clientOf(record);
      let entries = this.byClient.get(client);
      if (!entries) this.byClient.set(client, (entries = new Map()));
      entries.set(text(record, 'id'), chunkEntryOf(record));
    }
  }

  chunks(): SearchKeysChunk[] {
    return [...this.byClient].map(([client, entries]) => chunkOf(client, entries));
  }
}

/** The search index made from the persisted chunks (a damaged one is left out). */
export function indexFromChunks(chunks: readonly unknown[]): EquipmentSearchIndex {
  const index = new EquipmentSearchIndex();
  const valid = chunks.filter(
    (c): c is SearchKeysChunk => searchKeysChunkSchema.safeParse(c).success,
  );
  index.load(valid);
  return index;
}
