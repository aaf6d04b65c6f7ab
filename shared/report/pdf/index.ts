export { renderBordereauPdf } from './render';
export type { RenderOptions } from './render';
export { MissingPhotosError } from './photo-annex';
