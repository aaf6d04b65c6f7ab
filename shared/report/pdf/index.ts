export { renderBordereauPdf } from './render';
export type { RenderOptions } from './render';
