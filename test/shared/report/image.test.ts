import { describe, expect, it } from 'vitest';
import { jsPDF } from 'jspdf';
import { fitImage, pngDimensions } from '../../../shared/report/pdf/image';
import { images } from '../../fixtures/report/sample-report';

describe('image sizing', () => {
  it('reads a PNG’s size from its header, as jsPDF’s full decode does', () => {
    const doc = new jsPDF();
    for (const png of [images.logo, images.clientSignature, images.technicianSignature]) {
      const { width, height } = doc.getImageProperties(png);
      expect(pngDimensions(png)).toEqual({ width, height });
    }
    expect(pngDimensions(images.logo)).toEqual({ width: 480, height: 160 });
  });

  it('answers null for what is not a PNG header', () => {
    expect(pngDimensions(images.photoRack)).toBeNull();
    expect(pngDimensions('data:image/png;base64,iVBORw0KGgo=')).toBeNull();
  });

  it('fits an image in a box keeping its aspect ratio', () => {
    const doc = new jsPDF();
    expect(fitImage(doc, images.clientSignature, 90, 20)).toEqual({ width: 60, height: 20 });
    const photo = fitImage(doc, images.photoRack, 100, 100); // 800 × 600
    expect(photo.width).toBeCloseTo(100, 6);
    expect(photo.height).toBeCloseTo(75, 6);
  });
});
