import { MAX_CSV_CHARS } from '../../../shared/inventory/csv/parse';

export type DecodedCsv = { ok: true; text: string } | { ok: false; message: string };

/**
 * A CSV file's bytes as text, refusing anything that is not UTF-8: Excel's "CSV (séparateur
 * : point-virgule)" writes Windows-1252, whose accents would silently become "�" in names
 * and serial numbers. The user is told how to re-save the file instead.
 */
export function decodeCsvBytes(bytes: Uint8Array): DecodedCsv {
  if (bytes.byteLength > MAX_CSV_CHARS) {
    return {
      ok: false,
      message: `Fichier trop volumineux (plus de ${MAX_CSV_CHARS / 1024 / 1024} Mo) : découpez-le en plusieurs fichiers.`,
    };
  }
  if (
    bytes.length >= 2 &&
    ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))
  ) {
    return {
      ok: false,
      message:
        'Fichier en UTF-16 : enregistrez-le au format « CSV UTF-8 (délimité par des virgules) ».',
    };
  }
  try {
    const text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
    return { ok: true, text };
  } catch {
    return {
      ok: false,
      message:
        'Ce fichier n’est pas encodé en UTF-8 (probablement Windows-1252). Dans Excel, enregistrez-le au format « CSV UTF-8 (délimité par des virgules) » puis importez-le à nouveau.',
    };
  }
}
