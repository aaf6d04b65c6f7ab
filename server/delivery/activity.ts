import { uuidv7 } from 'uuidv7';
import { renderActivityPdf } from '../../shared/report/activity/activity-pdf';
import { activitySummary } from '../../shared/report/activity/activity-summary';
import { monthBounds, monthLabel } from '../../shared/report/activity/month';
import type { ActivityDeliveryView } from '../../shared/report/delivery';
import { sealedReportSchema } from '../../shared/report/model';
import type { SealedReport } from '../../shared/report/model';
import type { Queryable } from '../db/database';
import { MailError } from './mailer';
import type { Mailer } from './mailer';
import { claimNext, deliveryAttemptView, settle } from './outbox';
import type { DeliveryAttemptRow } from './outbox';
import { loadReportFonts } from './report-fonts';

/**
 * The activity report e-mailed from the office screen (002 art. III-1 §6: "un rapport
 * d'activité peut être adressé au Client"), through the outbox of the client's copies: a
 * row per request (table activity_deliveries, migration 9) written before any attempt, the
 * same claim, back-off and bounce handling (outbox.ts); the PDF is made from the client's
 * sealed bordereaux on the server when it is sent.
 */

export interface ActivityDeliveryRow extends DeliveryAttemptRow {
  client_id: string;
  month: string;
}

export function activityDeliveryView(row: ActivityDeliveryRow): ActivityDeliveryView {
  return { ...deliveryAttemptView(row), clientId: row.client_id, month: row.month };
}

export async function enqueueActivityReport(
  db: Queryable,
  input: {
    clientId: string;
    month: string;
    recipients: readonly string[];
    requestedBy: string;
    now: number;
  },
): Promise<ActivityDeliveryRow> {
  const id = uuidv7();
  const { rows } = await db.query<ActivityDeliveryRow>(
    `INSERT INTO activity_deliveries (id, client_id, month, recipients, status, next_attempt_at,
        message_id, requested_by, created_at, updated_at)
     VALUES ($1, $2, $3, $4::jsonb, 'pending', $5, $6, $7, $5, $5)
     RETURNING *`,
    [
      id,
      input.clientId,
      input.month,
      JSON.stringify(input.recipients),
      input.now,
      `<${id}@bordereau>`,
      input.requestedBy,
    ],
  );
  return rows[0]!;
}

/** The activity report's PDF and French message for a client and a month. */
export async function activityReportMail(
  db: Queryable,
  clientId: string,
  month: string,
  now: number,
): Promise<{ subject: string; text: string; filename: string; pdf: Uint8Array }> {
  const { rows } = await db.query<{ data: Record<string, unknown> }>(
    "SELECT data FROM records WHERE entity = 'reports' AND sealed AND client_id = $1 ORDER BY seq",
    [clientId],
  );
  const reports: SealedReport[] = rows.map(({ data }) =>
    sealedReportSchema.parse({
      status: data['status'],
      content: data['content'],
      seal: data['seal'],
    }),
  );
  const latest = reports.reduce<SealedReport | null>(
    (a, r) => (!a || r.seal.sealedAt > a.seal.sealedAt ? r : a),
    null,
  );
  // the provider as the client's bordereaux name it: none signed, nothing to report
  if (!latest) throw new MailError('Aucun bordereau signé pour ce client sur le serveur.', true);
  const { rows: clients } = await db.query<{ name: string | null }>(
    "SELECT data->>'name' AS name FROM records WHERE entity = 'clients' AND id = $1",
    [clientId],
  );
  const clientName = clients[0]?.name ?? latest.content.client.name;
  const { from, to } = monthBounds(month);
  const summary = activitySummary({ clientName, from, to, reports });
  const pdf = await renderActivityPdf({
    summary,
    provider: latest.content.provider,
    fonts: loadReportFonts(),
    generatedAt: now,
  });
  const label = monthLabel(month);
  const count = summary.lines.length;
  return {
    subject: `Rapport d’activité ${label} – ${clientName}`,
    filename: `rapport-activite-${month}.pdf`,
    pdf,
    text: [
      'Bonjour,',
      '',
      `Veuillez trouver ci-joint le rapport d’activité de ${label} : ` +
        (count === 0
          ? 'aucune intervention signée sur la période.'
          : `${count} intervention${count > 1 ? 's' : ''}, temps passé, délais d’intervention et équipements découverts.`),
      'Il résume les bordereaux signés de la période, qui font foi ; ce n’est pas une facture.',
      '',
      'Cordialement,',
      latest.content.provider.name,
    ].join('\n'),
  };
}

/** Sends every due activity report, one at a time; returns how many were attempted. */
export async function sendDueActivityReports(deps: {
  readonly db: Queryable;
  readonly mailer: Mailer;
  readonly from: string;
  readonly now: () => number;
}): Promise<number> {
  let attempted = 0;
  for (;;) {
    const row = await claimNext<ActivityDeliveryRow>(deps.db, deps.now(), 'activity_deliveries');
    if (!row) return attempted;
    attempted++;
    try {
      const mail = await activityReportMail(
        deps.db,
        row.client_id,
        row.month,
        Number(row.created_at),
      );
      await deps.mailer.send({
        from: deps.from,
        to: row.recipients,
        subject: mail.subject,
        text: mail.text,
        messageId: row.message_id,
        attachment: { filename: mail.filename, content: mail.pdf },
      });
      await settle(deps.db, row, deps.now(), { ok: true }, 'activity_deliveries');
    } catch (error) {
      await settle(
        deps.db,
        row,
        deps.now(),
        {
          ok: false,
          error: (error as Error).message,
          permanent: error instanceof MailError && error.permanent,
        },
        'activity_deliveries',
      );
    }
  }
}
