// The visit's photos panel, mounted in the visit screen.
export { PhotosPanel } from './PhotosPanel';
