// The signature pad, used by the bordereau's and the quote's signatures and the profile.
export { SignaturePadField } from './SignaturePadField';
export type { SignaturePadHandle } from './SignaturePadField';
