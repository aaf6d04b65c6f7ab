/** Longest side of a stored photo: sharp enough for the PDF annex, small enough to sync. */
export const PHOTO_MAX_SIDE = 1600;
export const PHOTO_JPEG_QUALITY = 0.8;

/** The size a photo is scaled to (never enlarged), keeping its proportions. */
export function fittedSize(
  width: number,
  height: number,
  maxSide: number = PHOTO_MAX_SIDE,
): { width: number; height: number } {
  const scale = Math.min(1, maxSide / Math.max(width, height));
  return {
    width: Math.max(1, Math.round(width * scale)),
    height: Math.max(1, Math.round(height * scale)),
  };
}

/** Any image the browser decodes (file, camera frame) as a JPEG of at most 1600 px. */
export async function resizeToJpeg(source: Blob | ImageBitmap): Promise<Uint8Array<ArrayBuffer>> {
  const bitmap =
    source instanceof Blob
      ? await createImageBitmap(source, { imageOrientation: 'from-image' })
      : source;
  const size = fittedSize(bitmap.width, bitmap.height);
  const canvas = document.createElement('canvas');
  canvas.width = size.width;
  canvas.height = size.height;
  const context = canvas.getContext('2d');
  if (!context) throw new Error('Impossible de préparer la photo (canvas indisponible).');
  context.drawImage(bitmap, 0, 0, size.width, size.height);
  bitmap.close();
  const blob = await new Promise<Blob | null>((resolve) =>
    canvas.toBlob(resolve, 'image/jpeg', PHOTO_JPEG_QUALITY),
  );
  if (!blob) throw new Error('Impossible de convertir la photo en JPEG.');
  return new Uint8Array(await blob.arrayBuffer());
}

export { bytesToDataUrl } from '../../use-cases/reports/data-url';
