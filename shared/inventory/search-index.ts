import { MIN_SUFFIX_LENGTH, searchKey, wordKeys } from './search-key';
import type { SearchableEquipment } from './search-key';

/**
 * The search across every client's equipment, held in memory: one string per field kind for
 * all records, searched with indexOf (a few milliseconds over 100,000 records), instead of a
 * multi-entry IndexedDB index of ~15 tokens per record that made every write of an import
 * cost ~15 index entries on disk (docs/benchmarks.md, Inventory on disk).
 *
 * It answers exactly as that index did: a record is found by a term when one of its tokens
 * (equipmentTokens) starts with the term, i.e. when the term is
 * - in the serial number, starting at its first character or at least MIN_SUFFIX_LENGTH
 *   characters before its end ("any part of the serial", the indexed suffixes);
 * - or at the start of the asset tag, the hostname (whole or one of its words) or one of the
 *   user's words.
 */
export class EquipmentSearchIndex {
  /** Serial keys, each followed by "\n". */
  private serials = '';
  /** Other tokens, each preceded by "\n", a record's tokens one after the other. */
  private words = '';
  private serialStarts: number[] = [];
  private wordStarts: number[] = [];
  private ids: string[] = [];
  /** Positions of replaced or removed records: skipped, then compacted away. */
  private readonly dead = new Set<number>();
  /** Live slot of each id; made on first need (a load of 100,000 ids does without it). */
  private slotIndex: Map<string, number> | null = null;
  /**
   * Every match of the last terms searched whose scans ran to the end (ascending slots), while
   * the index is unchanged: typing one more character narrows these few candidates instead of
   * scanning all the text again (a term's matches are among those of each of its prefixes).
   */
  private recent: { term: string; slots: number[] }[] = [];

  get size(): number {
    return this.slotOf.size;
  }

  /**
   * Adds blocks of records in the index's own text format, as persisted per client
   * (renderer/db/equipment-search-keys.ts): no per-token work, so 130,000 records load in
   * tens of milliseconds where adding them one by one took seconds on a loaded machine. A
   * block whose parts do not agree (damaged) is skipped; its number is returned.
   */
  load(blocks: Iterable<SearchBlock>): number[] {
    const skipped: number[] = [];
    let n = 0;
    for (const block of blocks) {
      const at = n++;
      if (block.ids === '') continue;
      const ids = block.ids.split('\n');
      const serialStarts: number[] = [];
      const wordStarts: number[] = [];
      let p = 0;
      let q = 0;
      for (let i = 0; i < ids.length && p >= 0 && q >= 0; i++) {
        serialStarts.push(this.serials.length + p);
        wordStarts.push(this.words.length + q);
        p = block.serials.indexOf('\n', p);
        if (p >= 0) p++;
        if (block.words[q] !== RECORD_MARK) q = -1;
        else q = next(block.words, q + 1);
      }
      if (p !== block.serials.length || q !== block.words.length) {
        skipped.push(at);
        continue;
      }
      this.serials += block.serials;
      this.words += block.words;
      this.serialStarts.push(...serialStarts);
      this.wordStarts.push(...wordStarts);
      for (const id of ids) this.ids.push(id);
      this.slotIndex = null;
      this.recent = [];
    }
    return skipped;
  }

  /** Live slot of each id (a later copy of an id supersedes an earlier one). */
  private get slotOf(): Map<string, number> {
    if (this.slotIndex) return this.slotIndex;
    const map = new Map<string, number>();
    this.ids.forEach((id, slot) => {
      if (this.dead.has(slot)) return;
      const before = map.get(id);
      if (before !== undefined) this.dead.add(before);
      map.set(id, slot);
    });
    return (this.slotIndex = map);
  }

  /** Adds a record, or replaces its previous version. */
  put(id: string, e: SearchableEquipment): void {
    const keys = searchKeysOf(e);
    this.putKeys(id, keys.serial, keys.words);
  }

  /**
   * Adds a record by its keys already computed (searchKeysOf), as persisted beside the
   * equipment (renderer/db/equipment-search-keys.ts), or replaces its previous version.
   */
  putKeys(id: string, serial: string, words: readonly string[]): void {
    this.recent = [];
    const old = this.slotOf.get(id);
    if (old !== undefined) this.dead.add(old);
    const slot = this.ids.length;
    this.ids.push(id);
    this.slotOf.set(id, slot);
    this.serialStarts.push(this.serials.length);
    this.serials += `${serial}\n`;
    this.wordStarts.push(this.words.length);
    for (const t of words) this.words += `\n${t}`;
    if (this.dead.size > 10_000 && this.dead.size * 4 > this.ids.length) this.compact();
  }

  remove(id: string): void {
    const slot = this.slotOf.get(id);
    if (slot === undefined) return;
    this.recent = [];
    this.dead.add(slot);
    this.slotOf.delete(id);
  }

  /**
   * Ids of the records a term finds, in the order they were added, at most `limit`. The term
   * is normalised already (searchKey).
   */
  find(term: string, limit: number): string[] {
    if (term === '' || limit <= 0) return [];
    const narrowed = this.narrowed(term, limit);
    if (narrowed) return narrowed;
    const found = new Set<number>();
    // Serial numbers: the term anywhere it starts an indexed suffix.
    for (let at = this.serials.indexOf(term); at >= 0; at = this.serials.indexOf(term, at + 1)) {
      const slot = slotAt(this.serialStarts, at);
      if (this.dead.has(slot) || found.has(slot)) continue;
      const start = this.serialStarts[slot]!;
      const length = this.serials.indexOf('\n', start) - start;
      const offset = at - start;
      if (offset === 0 || offset <= length - MIN_SUFFIX_LENGTH) {
        found.add(slot);
        if (found.size >= limit) break;
      }
    }
    // Other tokens: the term at a token's start.
    if (found.size < limit) {
      const needle = `\n${term}`;
      for (let at = this.words.indexOf(needle); at >= 0; at = this.words.indexOf(needle, at + 1)) {
        const slot = slotAt(this.wordStarts, at);
        if (this.dead.has(slot) || found.has(slot)) continue;
        found.add(slot);
        if (found.size >= limit) break;
      }
    }
    const slots = [...found].sort((a, b) => a - b);
    // Fewer than the limit: both scans ran to the end, these are all the term's matches.
    if (found.size < limit) this.remember(term, slots);
    return slots.map((slot) => this.ids[slot]!);
  }

  /**
   * The answer to `term` from the complete matches of a shorter term it starts with (the
   * previous keystroke's), checked one by one; null when there is none. Answers exactly as
   * the scans do, limit included: serial matches first in slot order, then the others.
   */
  private narrowed(term: string, limit: number): string[] | null {
    let from: number[] | null = null;
    for (const r of this.recent) {
      if (term.startsWith(r.term) && (from === null || r.slots.length < from.length))
        from = r.slots;
    }
    if (from === null) return null;
    const bySerial: number[] = [];
    const byWord: number[] = [];
    for (const slot of from) {
      if (this.serialMatches(slot, term)) bySerial.push(slot);
      else if (this.wordMatches(slot, term)) byWord.push(slot);
    }
    const all = [...bySerial, ...byWord].sort((a, b) => a - b);
    if (all.length < limit) this.remember(term, all);
    const slots =
      bySerial.length >= limit
        ? bySerial.slice(0, limit)
        : [...bySerial, ...byWord.slice(0, limit - bySerial.length)].sort((a, b) => a - b);
    return slots.map((slot) => this.ids[slot]!);
  }

  private remember(term: string, slots: number[]): void {
    if (slots.length > MAX_REMEMBERED) return;
    this.recent = [{ term, slots }, ...this.recent.filter((r) => r.term !== term)].slice(
      0,
      REMEMBERED_TERMS,
    );
  }

  /** The term in the slot's serial key, at its start or MIN_SUFFIX_LENGTH before its end. */
  private serialMatches(slot: number, term: string): boolean {
    const start = this.serialStarts[slot]!;
    const serial = this.serials.slice(start, this.serials.indexOf('\n', start));
    for (let at = serial.indexOf(term); at >= 0; at = serial.indexOf(term, at + 1)) {
      if (at === 0 || at <= serial.length - MIN_SUFFIX_LENGTH) return true;
    }
    return false;
  }

  /** The term at the start of one of the slot's other tokens. */
  private wordMatches(slot: number, term: string): boolean {
    const end = slot + 1 < this.wordStarts.length ? this.wordStarts[slot + 1]! : this.words.length;
    return this.words.slice(this.wordStarts[slot], end).includes(`\n${term}`);
  }

  /** Rebuilds the strings without the dead records. */
  private compact(): void {
    const live = [...this.slotOf.entries()].sort((a, b) => a[1] - b[1]);
    const serials: string[] = [];
    const words: string[] = [];
    const serialStarts: number[] = [];
    const wordStarts: number[] = [];
    const ids: string[] = [];
    let s = 0;
    let w = 0;
    for (const [id, slot] of live) {
      const sEnd = this.serials.indexOf('\n', this.serialStarts[slot]!) + 1;
      const serial = this.serials.slice(this.serialStarts[slot], sEnd);
      const wEnd =
        slot + 1 < this.wordStarts.length ? this.wordStarts[slot + 1]! : this.words.length;
      const word = this.words.slice(this.wordStarts[slot], wEnd);
      serialStarts.push(s);
      wordStarts.push(w);
      serials.push(serial);
      words.push(word);
      s += serial.length;
      w += word.length;
      this.slotOf.set(id, ids.length);
      ids.push(id);
    }
    this.ids = ids;
    this.serials = serials.join('');
    this.words = words.join('');
    this.serialStarts = serialStarts;
    this.wordStarts = wordStarts;
    this.dead.clear();
  }
}

/** Terms whose complete matches are kept for narrowing (the last keystrokes, a backspace). */
const REMEMBERED_TERMS = 8;
/** Larger answers are not kept: narrowing them would cost about what a scan does. */
const MAX_REMEMBERED = 5_000;

/** Starts a record's tokens in the words text of a SearchBlock (not a token character). */
const RECORD_MARK = '\t';

/** Where the record after `from` starts in a block's words text (its length at the end). */
function next(words: string, from: number): number {
  const at = words.indexOf(RECORD_MARK, from);
  return at < 0 ? words.length : at;
}

/**
 * Records in the index's text format: `ids` joined by "\n"; `serials`, each serial key
 * followed by "\n"; `words`, for each record a tab then each of its other tokens preceded by
 * "\n". The same order in the three.
 */
export interface SearchBlock {
  readonly ids: string;
  readonly serials: string;
  readonly words: string;
}

/** A record's part of a SearchBlock. */
export function blockPartsOf(keys: SearchKeys): { serial: string; words: string } {
  let words = RECORD_MARK;
  for (const t of keys.words) words += `\n${t}`;
  return { serial: `${keys.serial}\n`, words };
}

/** What the index holds of a record: its serial key and its other tokens. */
export interface SearchKeys {
  readonly serial: string;
  /** Asset tag, hostname (whole and words) and the user's words: [0-9A-Z]+ each. */
  readonly words: readonly string[];
}

export function searchKeysOf(e: SearchableEquipment): SearchKeys {
  return { serial: searchKey(e.serialNumber), words: wordTokens(e) };
}

/** Asset tag, hostname (whole and words) and the user's words, as equipmentTokens makes them. */
function wordTokens(e: SearchableEquipment): string[] {
  const tokens = new Set<string>();
  for (const phrase of [e.assetTag, e.hostname]) {
    const whole = searchKey(phrase);
    if (whole !== '') tokens.add(whole);
    for (const word of wordKeys(phrase)) tokens.add(word);
  }
  for (const word of wordKeys(e.assignedUser)) tokens.add(word);
  return [...tokens];
}

/** The slot whose text starts at or before `at` (starts ascending). */
function slotAt(starts: readonly number[], at: number): number {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid]! <= at) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}
