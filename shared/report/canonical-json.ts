/**
 * The one serialisation a seal is computed over. Two machines, two JavaScript engines or two
 * runs must produce the same bytes for the same report, whatever order its keys were built
 * in, so this follows RFC 8785 (JSON Canonicalization Scheme) for the values a report holds:
 *
 * - objects: keys sorted by UTF-16 code units (JavaScript's default sort, as JCS requires),
 *   no whitespace; a property whose value is `undefined` is left out, exactly as if the key
 *   were absent (an optional field not set and a field set to `undefined` hash the same);
 * - strings: JSON.stringify's escaping (the same as JCS); lone surrogates are refused, since
 *   they cannot be encoded in UTF-8 and engines would replace them differently;
 * - numbers: finite only (NaN, ±Infinity refused), written as JSON.stringify writes them,
 *   which is the ECMAScript number-to-string JCS mandates (-0 is written 0);
 * - booleans, null: as JSON;
 * - arrays: in order; `undefined`, functions and symbols inside an array are refused rather
 *   than silently turned into null;
 * - anything else is refused: bigint, functions, symbols, Date (hash the ms instead), Map,
 *   Set, typed arrays, class instances, cyclic structures. `toJSON` is not honoured.
 *
 * The UTF-8 bytes of the result are what gets hashed.
 */

export class CanonicalJsonError extends TypeError {
  override readonly name = 'CanonicalJsonError';
  constructor(
    message: string,
    /** Where the offending value is, e.g. `$.content.photos[2].takenAt`. */
    readonly path: string,
  ) {
    super(`${message} (à ${path})`);
  }
}

const LONE_SURROGATE = /\p{Cs}/u;

function isPlainObject(value: object): value is Record<string, unknown> {
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

function serialise(value: unknown, path: string, ancestors: Set<object>): string {
  switch (typeof value) {
    case 'string':
      if (LONE_SURROGATE.test(value))
        throw new CanonicalJsonError('Chaîne Unicode mal formée', path);
      return JSON.stringify(value);
    case 'number':
      if (!Number.isFinite(value))
        throw new CanonicalJsonError(`Nombre non fini : ${String(value)}`, path);
      return JSON.stringify(value);
    case 'boolean':
      return value ? 'true' : 'false';
    case 'object':
      break;
    default:
      throw new CanonicalJsonError(`Valeur non sérialisable : ${typeof value}`, path);
  }
  if (value === null) return 'null';
  if (ancestors.has(value)) throw new CanonicalJsonError('Structure cyclique', path);
  ancestors.add(value);
  try {
    if (Array.isArray(value)) {
      const items = value.map((item: unknown, i) => {
        if (item === undefined)
          throw new CanonicalJsonError('undefined dans un tableau', `${path}[${i}]`);
        return serialise(item, `${path}[${i}]`, ancestors);
      });
      return `[${items.join(',')}]`;
    }
    if (!isPlainObject(value)) {
      const kind = (value as { constructor?: { name?: string } }).constructor?.name ?? 'objet';
      throw new CanonicalJsonError(`Objet non simple : ${kind}`, path);
    }
    const members: string[] = [];
    for (const key of Object.keys(value).sort()) {
      const member = value[key];
      if (member === undefined) continue;
      members.push(
        `${serialise(key, path, ancestors)}:${serialise(member, `${path}.${key}`, ancestors)}`,
      );
    }
    return `{${members.join(',')}}`;
  } finally {
    ancestors.delete(value);
  }
}

/** The canonical JSON text of `value` (rules above); throws CanonicalJsonError otherwise. */
export function canonicalJson(value: unknown): string {
  return serialise(value, '$', new Set());
}
