import { z } from 'zod';
import { monthBounds } from '../../../shared/report/activity/month';
import { renderActivityPdf } from '../../../shared/report/activity/activity-pdf';
import { activitySummary } from '../../../shared/report/activity/activity-summary';
import {
  activityDeliveryRequestSchema,
  activityDeliveryViewSchema,
} from '../../../shared/report/delivery';
import type { ActivityDeliveryView } from '../../../shared/report/delivery';
import { reportOf } from '../../../shared/sync/report-record';
import type { SealedReport } from '../../../shared/report/model';
import type { ReportFonts } from '../../../shared/report/pdf/fonts';
import { listReportsOfClient } from '../../db/repositories/reports';
import type { DesktopDeps } from '../deps';
import { loadReportFonts } from '../reports/report-fonts';
import { officeServer } from './office-server';
import type { OfficeServerDeps } from './office-server';

/** The office's choice on the activity report panel: a client and a month. */
export const activityReportFormSchema = z.object({
  clientId: z.string().min(1, 'Choisissez un client.'),
  month: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'Choisissez un mois.'),
});
export type ActivityReportForm = z.infer<typeof activityReportFormSchema>;

/** Plus, in tests, the report's fonts read another way (the app fetches its built assets). */
export interface ActivityReportDeps extends DesktopDeps {
  readonly loadFonts?: () => Promise<ReportFonts>;
}

/**
 * Makes a client's activity report for a month (002 art. III-1 §6) from the signed
 * bordereaux synced to this laptop and saves it (save dialog, or a download in a browser).
 * The French line to show: where it was saved, or that it was downloaded.
 */
export async function saveActivityReport(
  deps: ActivityReportDeps,
  input: ActivityReportForm,
): Promise<string> {
  const { clientId, month } = activityReportFormSchema.parse(input);
  const client = await deps.db.clients.get(clientId);
  if (!client) throw new Error('Client introuvable sur ce poste : synchronisez.');
  const reports = (await listReportsOfClient(deps.db, clientId))
    .filter((r) => r.status === 'sealed')
    .map((r) => reportOf(r));
  const latest = reports.reduce<SealedReport | null>(
    (a, r) => (!a || r.seal.sealedAt > a.seal.sealedAt ? r : a),
    null,
  );
  if (!latest) throw new Error('Aucun bordereau signé pour ce client sur ce poste : synchronisez.');
  const { from, to } = monthBounds(month);
  const bytes = await renderActivityPdf({
    summary: activitySummary({ clientName: client.name, from, to, reports }),
    // the provider as the client's bordereaux name it
    provider: latest.content.provider,
    fonts: await (deps.loadFonts ?? loadReportFonts)(),
    generatedAt: deps.clock.now(),
  });
  const saved = await deps.desktop.savePdf({
    suggestedName: `rapport-activite-${month}.pdf`,
    bytes,
  });
  if (!saved.ok) throw new Error(saved.error.message);
  return saved.value ? `Rapport enregistré : ${saved.value.path}` : 'Rapport téléchargé.';
}

/**
 * Asks the office server to e-mail a client's activity report for a month: the server makes
 * the PDF from the bordereaux it holds and its outbox sends it, retried like the client's
 * copies, to the contacts the client's contract names (server/delivery/activity.ts).
 */
export async function emailActivityReport(
  deps: OfficeServerDeps,
  input: ActivityReportForm,
): Promise<ActivityDeliveryView> {
  const { clientId, month } = activityReportFormSchema.parse(input);
  const body = activityDeliveryRequestSchema.parse({ month });
  return (await officeServer(deps)).request(
    'POST',
    `/api/v1/clients/${encodeURIComponent(clientId)}/activity-reports`,
    activityDeliveryViewSchema,
    body,
  );
}
