import { z } from 'zod';
import { EquipmentSearchIndex, searchKeysOf } from '../../shared/inventory/search-index';

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

/** One client's keys: lines `id \t serial \t word word …` joined by "\n". */
export const searchKeysChunkSchema = z.object({ clientId: z.string(), lines: z.string() });
export type SearchKeysChunk = z.infer<typeof searchKeysChunkSchema>;

/** The fields of an equipment record the keys are made from (stored shape, loosely typed). */
type EquipmentLike = Record<string, unknown>;

const text = (record: EquipmentLike, key: string): string =>
  typeof record[key] === 'string' ? (record[key] as string) : '';

/** The client an equipment record belongs to ('' for a record without one). */
export function clientOf(record: EquipmentLike): string {
  return text(record, 'clientId');
}

/** A record's line in its client's chunk. Tokens are [0-9A-Z]+: no tab, space nor newline. */
export function searchKeysLine(record: EquipmentLike): string {
  const keys = searchKeysOf({
    serialNumber: text(record, 'serialNumber'),
    assetTag: text(record, 'assetTag'),
    hostname: text(record, 'hostname'),
    model: text(record, 'model'),
    assignedUser: text(record, 'assignedUser'),
  });
  return `${text(record, 'id')}\t${keys.serial}\t${keys.words.join(' ')}`;
}

/** A chunk's lines by record id (to change some of them). */
export function chunkLines(chunk: SearchKeysChunk | undefined): Map<string, string> {
  const lines = new Map<string, string>();
  if (!chunk || chunk.lines === '') return lines;
  for (const line of chunk.lines.split('\n')) {
    const tab = line.indexOf('\t');
    if (tab > 0) lines.set(line.slice(0, tab), line);
  }
  return lines;
}

export function chunkOf(clientId: string, lines: ReadonlyMap<string, string>): SearchKeysChunk {
  return { clientId, lines: [...lines.values()].join('\n') };
}

/** Every client's chunk, made from equipment records given page by page (an upgrade). */
export class ChunksBuilder {
  private readonly byClient = new Map<string, Map<string, string>>();

  add(records: Iterable<object>): void {
    for (const record of records as Iterable<EquipmentLike>) {
      const client = clientOf(record);
      let lines = this.byClient.get(client);
      if (!lines) this.byClient.set(client, (lines = new Map()));
      lines.set(text(record, 'id'), searchKeysLine(record));
    }
  }

  chunks(): SearchKeysChunk[] {
    return [...this.byClient].map(([client, lines]) => chunkOf(client, lines));
  }
}

/**
 * The search index made from the persisted chunks. An id found in two chunks (an item moved
 * to another client: the move's write updates the new client's chunk only) is returned in
 * `ambiguous`, for the caller to settle from the equipment table.
 */
export function indexFromChunks(chunks: readonly unknown[]): {
  index: EquipmentSearchIndex;
  ambiguous: string[];
} {
  const index = new EquipmentSearchIndex();
  const seen = new Set<string>();
  const ambiguous: string[] = [];
  for (const raw of chunks) {
    const parsed = searchKeysChunkSchema.safeParse(raw);
    // Derived data: a damaged chunk is skipped rather than failing every search.
    if (!parsed.success || parsed.data.lines === '') continue;
    for (const line of parsed.data.lines.split('\n')) {
      const [id, serial, words] = line.split('\t');
      if (!id || serial === undefined || words === undefined) continue;
      if (seen.has(id)) {
        ambiguous.push(id);
        continue;
      }
      seen.add(id);
      index.putKeys(id, serial, words === '' ? [] : words.split(' '));
    }
  }
  return { index, ambiguous };
}
