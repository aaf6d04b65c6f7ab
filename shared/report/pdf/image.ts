import type { jsPDF } from 'jspdf';

export type ImageFormat = 'PNG' | 'JPEG';

export function imageFormat(dataUrl: string): ImageFormat {
  return dataUrl.startsWith('data:image/png') ? 'PNG' : 'JPEG';
}

export interface PlacedImage {
  readonly width: number;
  readonly height: number;
}

const BASE64_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** The first bytes of a base64 payload (whole 4-character groups only). */
function base64Prefix(base64: string, byteCount: number): number[] {
  const bytes: number[] = [];
  for (let i = 0; bytes.length < byteCount && i + 4 <= base64.length; i += 4) {
    const group = [0, 1, 2, 3].map((k) => BASE64_ALPHABET.indexOf(base64[i + k] ?? '='));
    const [a = 0, b = 0, c = -1, d = -1] = group;
    bytes.push((a << 2) | (b >> 4));
    if (c >= 0) bytes.push(((b & 15) << 4) | (c >> 2));
    if (c >= 0 && d >= 0) bytes.push(((c & 3) << 6) | d);
  }
  return bytes.slice(0, byteCount);
}

/**
 * A PNG's pixel size read from its IHDR chunk (bytes 16–23, big-endian), or null. jsPDF's
 * getImageProperties decodes the whole image to answer, which for a signature costs more
 * than laying out a page; the header alone says it.
 */
export function pngDimensions(dataUrl: string): { width: number; height: number } | null {
  const bytes = base64Prefix(
    dataUrl.slice(dataUrl.indexOf(',') + 1, dataUrl.indexOf(',') + 1 + 32),
    24,
  );
  if (
    bytes.length < 24 ||
    bytes[12] !== 0x49 ||
    bytes[13] !== 0x48 ||
    bytes[14] !== 0x44 ||
    bytes[15] !== 0x52
  ) {
    return null;
  }
  const uint32 = (at: number): number =>
    bytes.slice(at, at + 4).reduce((n, byte) => n * 256 + byte, 0);
  return { width: uint32(16), height: uint32(20) };
}

/** The largest size (mm) with the image's aspect ratio that fits in maxWidth × maxHeight. */
export function fitImage(
  doc: jsPDF,
  dataUrl: string,
  maxWidth: number,
  maxHeight: number,
): PlacedImage {
  const { width, height } =
    (imageFormat(dataUrl) === 'PNG' ? pngDimensions(dataUrl) : null) ??
    doc.getImageProperties(dataUrl);
  if (width <= 0 || height <= 0) return { width: 0, height: 0 };
  const scale = Math.min(maxWidth / width, maxHeight / height);
  return { width: width * scale, height: height * scale };
}

/**
 * Draws an image fitted in a box, centred horizontally, top-aligned. `alias` lets jsPDF
 * embed an image used on every page (the logo) once.
 */
export function drawImageInBox(
  doc: jsPDF,
  dataUrl: string,
  box: { readonly x: number; readonly y: number; readonly width: number; readonly height: number },
  options: { readonly alias?: string; readonly align?: 'left' | 'center' | 'right' } = {},
): PlacedImage {
  const placed = fitImage(doc, dataUrl, box.width, box.height);
  const align = options.align ?? 'center';
  const offset =
    align === 'left'
      ? 0
      : align === 'right'
        ? box.width - placed.width
        : (box.width - placed.width) / 2;
  doc.addImage(
    dataUrl,
    imageFormat(dataUrl),
    box.x + offset,
    box.y,
    placed.width,
    placed.height,
    options.alias,
    'FAST',
  );
  return placed;
}
