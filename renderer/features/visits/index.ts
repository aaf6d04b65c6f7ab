// What other features and the app shell use of the visits feature (features reach each other
// only through their index). The visit's rules are in shared/visit/, its use cases in
// use-cases/visits/.
export { ClientPresenceFields } from './ClientPresenceFields';
export { ClientReports } from './ClientReports';
export { ClientOptions, SiteOptions } from './ClientSiteOptions';
export { ProfileSettings } from './ProfileSettings';
export { RunningVisitBanner } from './RunningVisitBanner';
export { clock } from './clock';
export { useNow } from './useNow';
export type { VisitContext } from './useVisitContext';

import type * as ReportFonts from './report-fonts';
import type * as ReportPdf from './report-pdf';

// The PDF writer and its fonts are large chunks: loaded when a PDF is made, never with the
// screens that merely import this index (the layout's banner, the client page).
export async function saveReportPdf(
  ...args: Parameters<typeof ReportPdf.saveReportPdf>
): ReturnType<typeof ReportPdf.saveReportPdf> {
  return (await import('./report-pdf')).saveReportPdf(...args);
}

export async function loadReportFonts(): ReturnType<typeof ReportFonts.loadReportFonts> {
  return (await import('./report-fonts')).loadReportFonts();
}
