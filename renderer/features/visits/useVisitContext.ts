// The data hook lives with the visit use cases; re-exported for this feature's screens and
// the panels mounted in them (quotes, photos, team).
export { useVisitContext } from '../../use-cases/visits/use-visit-context';
export type { VisitContext } from '../../use-cases/visits/visit-context';
export { visitContract } from '../../use-cases/visits/visit-context';
