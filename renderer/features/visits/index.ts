// What other features and the app shell use of the visits feature (features reach each other
// only through their index). The visit's rules are in shared/visit/, its use cases in
// use-cases/visits/.
export { ClientPresenceFields } from './ClientPresenceFields';
export { ClientReports } from './ClientReports';
export { ClientOptions, SiteOptions } from './ClientSiteOptions';
export { ProfileSettings } from './ProfileSettings';
export { clock } from './clock';
export { useNow } from './useNow';
export type { VisitContext } from './useVisitContext';
