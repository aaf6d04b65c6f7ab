// What other features use from the visit's screens (features reach each other only through
// their index). The visit's rules are in shared/visit/, its use cases in use-cases/visits/.
export { ClientReports } from './ClientReports';
export { clock } from './clock';
export { ProfileSettings } from './ProfileSettings';
export { loadReportFonts } from './report-fonts';
export { saveReportPdf } from './report-pdf';
export { useNow } from './useNow';
export type { VisitContext } from './useVisitContext';
