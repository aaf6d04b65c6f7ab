/**
 * The text encodings client files come in: UTF-8 (with or without a byte-order mark),
 * UTF-16 (Excel's "Texte Unicode"), Windows-1252 (Excel's plain "CSV (séparateur :
 * point-virgule)" on Windows) and Mac Roman (old Excel for Mac). The names are the WHATWG
 * Encoding labels, which TextDecoder reads in browsers and in Node alike.
 */
export const TEXT_ENCODINGS = [
  'utf-8',
  'utf-16le',
  'utf-16be',
  'windows-1252',
  'macintosh',
] as const;
export type TextEncodingName = (typeof TEXT_ENCODINGS)[number];

export const ENCODING_LABELS: Record<TextEncodingName, string> = {
  'utf-8': 'UTF-8',
  'utf-16le': 'UTF-16 (little-endian)',
  'utf-16be': 'UTF-16 (big-endian)',
  'windows-1252': 'Windows-1252 (Excel Windows)',
  macintosh: 'Mac Roman (Excel Mac)',
};

/** The names a user may type (CLI, settings): "utf-16" means the byte order found in the file. */
export function encodingFromName(name: string, bytes: Uint8Array): TextEncodingName | null {
  const key = name.trim().toLowerCase().replace(/_/g, '-');
  if (key === 'utf-16' || key === 'utf16') return utf16Order(bytes) ?? 'utf-16le';
  if (key === 'utf8') return 'utf-8';
  if (key === 'cp1252' || key === 'latin1' || key === 'iso-8859-1') return 'windows-1252';
  if (key === 'mac' || key === 'macroman' || key === 'mac-roman' || key === 'x-mac-roman')
    return 'macintosh';
  return (TEXT_ENCODINGS as readonly string[]).includes(key) ? (key as TextEncodingName) : null;
}

export interface EncodingGuess {
  readonly encoding: TextEncodingName;
  /** True when a byte-order mark said so; false when it was inferred from the bytes. */
  readonly fromBom: boolean;
}

/**
 * Which encoding the bytes are in. A byte-order mark decides; then valid UTF-8 is UTF-8
 * (legacy text with accents is almost never valid UTF-8 by chance); then a NUL in every
 * other byte is UTF-16; otherwise it is a single-byte code page, and the one that reads as
 * more plausible French wins: Windows-1252 puts é è à ç at 0xE0–0xEF, Mac Roman puts them at
 * 0x80–0x9F, where Windows-1252 has rare punctuation.
 */
export function detectEncoding(bytes: Uint8Array): EncodingGuess {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf)
    return { encoding: 'utf-8', fromBom: true };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { encoding: 'utf-16le', fromBom: true };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { encoding: 'utf-16be', fromBom: true };
  const utf16 = utf16Order(bytes);
  if (utf16) return { encoding: utf16, fromBom: false };
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return { encoding: 'utf-8', fromBom: false };
  } catch {
    // Not UTF-8: a single-byte code page.
  }
  const windows = plausibility(decodeWindows1252(highBytesSample(bytes)));
  const mac = plausibility(new TextDecoder('macintosh').decode(highBytesSample(bytes)));
  return { encoding: mac > windows ? 'macintosh' : 'windows-1252', fromBom: false };
}

/** UTF-16 without a mark: NUL bytes in every other position of the first hundred characters. */
function utf16Order(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  const start = bytes[0] === 0xff || bytes[0] === 0xfe ? 2 : 0;
  const end = Math.min(bytes.length, start + 200);
  let even = 0;
  let odd = 0;
  for (let i = start; i < end; i++) {
    if (bytes[i] === 0) {
      if ((i - start) % 2 === 0) even++;
      else odd++;
    }
  }
  const pairs = (end - start) / 2;
  if (pairs < 2) return null;
  if (odd > pairs * 0.6 && even === 0) return 'utf-16le';
  if (even > pairs * 0.6 && odd === 0) return 'utf-16be';
  return null;
}

/** The bytes above 0x7F with a neighbour each side: enough to tell the code pages apart. */
function highBytesSample(bytes: Uint8Array): Uint8Array {
  const out: number[] = [];
  for (let i = 0; i < bytes.length && out.length < 3_000; i++) {
    if (bytes[i]! >= 0x80) out.push(bytes[i - 1] ?? 0x20, bytes[i]!, bytes[i + 1] ?? 0x20);
  }
  return new Uint8Array(out);
}

const FRENCH_LETTERS = /[àâäçéèêëîïôöùûüÿœæÀÂÄÇÉÈÊËÎÏÔÖÙÛÜŸŒÆ°€’«»]/g;

/** Letters French text uses, minus characters that would only appear by mis-decoding. */
function plausibility(text: string): number {
  const good = text.match(FRENCH_LETTERS)?.length ?? 0;
  const bad = text.match(/[^\x20-\x7eàâäçéèêëîïôöùûüÿœæÀÂÄÇÉÈÊËÎÏÔÖÙÛÜŸŒÆ°€’«»\s]/g)?.length ?? 0;
  return good - 2 * bad;
}

/**
 * Windows-1252's characters at 0x80–0x9F (WHATWG index); every other byte is its own code
 * point. Decoded by hand because Node's TextDecoder reads "windows-1252" as ISO-8859-1
 * (nodejs/node#56542): "’" (0x92) became a control character in the preview command.
 */
const WINDOWS_1252_HIGH = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ';

function decodeWindows1252(bytes: Uint8Array): string {
  const chunks: string[] = [];
  for (let start = 0; start < bytes.length; start += 8_192) {
    let chunk = '';
    for (const byte of bytes.subarray(start, start + 8_192)) {
      chunk +=
        byte >= 0x80 && byte <= 0x9f ? WINDOWS_1252_HIGH[byte - 0x80]! : String.fromCharCode(byte);
    }
    chunks.push(chunk);
  }
  return chunks.join('');
}

/** The text of the bytes in that encoding, byte-order mark removed. */
export function decodeText(bytes: Uint8Array, encoding: TextEncodingName): string {
  const text =
    encoding === 'windows-1252'
      ? decodeWindows1252(bytes)
      : new TextDecoder(encoding).decode(bytes);
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}
