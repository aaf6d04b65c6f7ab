const ALREADY_KEY = /^[0-9A-Z]*$/;
const NON_ASCII = /[\u0080-\uffff]/;

/**
 * Normalised keys for searching serial numbers, asset tags and names the way technicians
 * type them: case, accents, spaces, dashes and dots ignored ("c02-x 1.a" finds "C02X1A").
 */
export function searchKey(value: string): string {
  // Most cells (serial numbers, tags, yes/no) are plain ASCII: the Unicode normalisation is
  // then an identity that costs more than the rest (an import computes ~20 keys per row).
  if (ALREADY_KEY.test(value)) return value;
  const ascii = NON_ASCII.test(value)
    ? value.normalize('NFD').replace(/[\u0300-\u036f]/g, '')
    : value;
  return ascii.toUpperCase().replace(/[^0-9A-Z]/g, '');
}

/** Shortest suffix indexed for a serial number or asset tag: shorter ones match too much to help. */
export const MIN_SUFFIX_LENGTH = 3;

/** Words of a free text, each normalised ("Jean-Luc Dupont" → JEAN, LUC, DUPONT). */
export function wordKeys(value: string): string[] {
  return value
    .split(/[\s\-_.,;:/\\()'’"]+/)
    .map(searchKey)
    .filter((w) => w.length > 0);
}

export interface SearchableEquipment {
  readonly serialNumber: string;
  readonly assetTag: string;
  readonly hostname: string;
  readonly model: string;
  readonly assignedUser: string;
}

/**
 * The tokens an equipment record is indexed under for the search across all clients (a
 * multi-entry index searched by prefix). Serial numbers are indexed with every suffix, so
 * any part of them matches ("the last digits on the sticker"); asset tags, hostnames and
 * users by their whole value and each word. Models are left out: thousands of records share
 * one, so they would swell the index (and slow every write) without narrowing a search; the
 * client's table still filters on them in memory.
 *
 * A token that is the prefix of another one is dropped ("PRE" beside "PRE00001"): a prefix
 * lookup finds the record through the longer token anyway, and every index entry costs time
 * on each write (a 10,000-row import writes about 140,000 of them).
 */
export function equipmentTokens(e: SearchableEquipment): string[] {
  const tokens = new Set<string>();
  const serial = searchKey(e.serialNumber);
  if (serial !== '') {
    tokens.add(serial);
    for (let i = 1; i <= serial.length - MIN_SUFFIX_LENGTH; i++) tokens.add(serial.slice(i));
  }
  for (const phrase of [e.assetTag, e.hostname]) {
    const whole = searchKey(phrase);
    if (whole !== '') tokens.add(whole);
    for (const word of wordKeys(phrase)) tokens.add(word);
  }
  for (const word of wordKeys(e.assignedUser)) tokens.add(word);
  return withoutPrefixes([...tokens]);
}

/** The tokens that are no other token's prefix (sorted: a prefix sorts right before its extensions). */
function withoutPrefixes(tokens: string[]): string[] {
  tokens.sort();
  return tokens.filter((t, i) => !(tokens[i + 1]?.startsWith(t) ?? false));
}

/** The words of a query, normalised; empty when there is nothing to search for. */
export function queryTerms(query: string): string[] {
  return wordKeys(query);
}

/**
 * Does an equipment record match every term of a query? Used to filter a client's list in
 * memory and to confirm index hits for queries of several words.
 */
export function matchesQuery(e: SearchableEquipment, terms: readonly string[]): boolean {
  if (terms.length === 0) return true;
  const haystack = [e.serialNumber, e.assetTag, e.hostname, e.model, e.assignedUser].map(searchKey);
  const words = [e.hostname, e.model, e.assignedUser].flatMap(wordKeys);
  return terms.every(
    (term) =>
      haystack.some((h, i) => (i < 2 ? h.includes(term) : h.startsWith(term))) ||
      words.some((w) => w.startsWith(term)),
  );
}

/** Where a match was found, to rank serial numbers first (the "serial numbers first"). */
export function matchRank(e: SearchableEquipment, terms: readonly string[]): number {
  const serial = searchKey(e.serialNumber);
  if (terms.every((t) => serial.startsWith(t))) return 0;
  if (terms.every((t) => serial.includes(t))) return 1;
  const tag = searchKey(e.assetTag);
  if (terms.every((t) => tag.includes(t))) return 2;
  return 3;
}
