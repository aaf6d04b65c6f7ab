// The on-site quote panel, mounted in the visit screen.
export { QuotePanel } from './QuotePanel';
