import { uuidv7 } from 'uuidv7';
import { mergeRecipients } from '../../shared/report/copy-recipients';
import type { DeliveryAttempt, DeliveryStatus, DeliveryView } from '../../shared/report/delivery';
import type { Queryable } from '../db/database';
import { MailError } from './mailer';
import type { Mailer } from './mailer';
import { deliveryMessage } from './message';
import { contractRecipientsOf } from './recipients';
import { loadSealedReport, sealedReportPdf } from './report-pdf';

/**
 * The e-mail outbox of the client's copies (table report_deliveries, migration 4).
 *
 * Exactly once per report version: a sealed report whose `clientCopy` asks for an e-mail gets
 * one 'signed' delivery row (unique index), created by `enqueueSignedReports` from the
 * records themselves, so nothing in the sync path has to remember it and a restart loses
 * nothing. A row is claimed ('sending', with a lease) in its own transaction before the SMTP
 * conversation and marked 'sent' right after; only a crash between the SMTP server's "250 OK"
 * and that write can send twice, and then with the same Message-ID.
 */

export const MAX_ATTEMPTS = 8;
/** A claimed row not marked sent after this long (crashed instance) is tried again. */
export const SENDING_LEASE_MS = 5 * 60_000;

/** 1 min, 4 min, 16 min, 1 h 04, then every 4 h 16 (capped at 6 h). */
export function retryDelayMs(attempts: number): number {
  return Math.min(60_000 * 4 ** Math.max(0, attempts - 1), 6 * 60 * 60_000);
}

/** The columns of an outbox row, common to report_deliveries and activity_deliveries. */
export interface DeliveryAttemptRow {
  id: string;
  recipients: string[];
  status: DeliveryStatus;
  attempts: number;
  next_attempt_at: string | number;
  last_error: string | null;
  message_id: string;
  requested_by: string | null;
  created_at: string | number;
  updated_at: string | number;
  sent_at: string | number | null;
}

/** What the office sees of an outbox row's state (bigint columns read back as numbers). */
export function deliveryAttemptView(row: DeliveryAttemptRow): DeliveryAttempt {
  return {
    id: row.id,
    recipients: row.recipients,
    status: row.status,
    attempts: row.attempts,
    lastError: row.last_error,
    createdAt: Number(row.created_at),
    nextAttemptAt: Number(row.next_attempt_at),
    sentAt: row.sent_at === null ? null : Number(row.sent_at),
  };
}

export interface DeliveryRow extends DeliveryAttemptRow {
  report_id: string;
  report_number: string;
  report_version: number;
  client_id: string | null;
  reason: 'signed' | 'resend';
}

export function deliveryView(row: DeliveryRow): DeliveryView {
  return {
    ...deliveryAttemptView(row),
    reportId: row.report_id,
    reportNumber: row.report_number,
    reportVersion: row.report_version,
    reason: row.reason,
  };
}

/**
 * Creates the 'signed' delivery of every sealed report that asks for one and has none yet,
 * to the addresses typed on site and the contacts the client's contract names for its copies
 * (recipients.ts). The unique index keeps it to one per report version, even when two
 * instances enqueue at once.
 */
export async function enqueueSignedReports(db: Queryable, now: number): Promise<number> {
  const { rows } = await db.query<{
    report_id: string;
    client_id: string | null;
    number: string;
    version: number;
    emails: string[];
    contract_reference: string | null;
  }>(
    `SELECT r.id AS report_id, r.client_id,
            r.data->'content'->>'number' AS number,
            (r.data->'content'->'version'->>'number')::integer AS version,
            r.data->'content'->'clientCopy'->'emails' AS emails,
            r.data->'content'->'contract'->>'reference' AS contract_reference
       FROM records r
      WHERE r.entity = 'reports' AND r.sealed
        AND r.data->'content'->'clientCopy'->'methods' @> '["email"]'::jsonb
        AND NOT EXISTS (SELECT 1 FROM report_deliveries x
                         WHERE x.report_id = r.id AND x.reason = 'signed')
      ORDER BY r.seq`,
  );
  let created = 0;
  for (const row of rows) {
    const recipients = mergeRecipients(
      row.emails,
      row.contract_reference === null
        ? []
        : await contractRecipientsOf(db, row.client_id, row.contract_reference),
    );
    const id = uuidv7();
    const result = await db.query(
      `INSERT INTO report_deliveries (id, report_id, report_number, report_version, client_id,
          recipients, reason, status, next_attempt_at, message_id, created_at, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6::jsonb, 'signed', 'pending', $7, $8, $7, $7)
       ON CONFLICT (report_id) WHERE reason = 'signed' DO NOTHING`,
      [
        id,
        row.report_id,
        row.number,
        row.version,
        row.client_id,
        JSON.stringify(recipients),
        now,
        `<${id}@bordereau>`,
      ],
    );
    created += result.rowCount ?? 0;
  }
  return created;
}

/** An office resend: a new row, sent on the next round (to `recipients`, or the report's). */
export async function enqueueResend(
  db: Queryable,
  input: { reportId: string; recipients: readonly string[]; requestedBy: string; now: number },
): Promise<DeliveryRow | null> {
  const id = uuidv7(); // time-ordered: two resends in the same millisecond list in order
  const { rows } = await db.query<DeliveryRow>(
    `INSERT INTO report_deliveries (id, report_id, report_number, report_version, client_id,
        recipients, reason, status, next_attempt_at, message_id, requested_by, created_at, updated_at)
     SELECT $1, r.id, r.data->'content'->>'number', (r.data->'content'->'version'->>'number')::integer,
            r.client_id, $2::jsonb, 'resend', 'pending', $3, $6, $4, $3, $3
       FROM records r WHERE r.entity = 'reports' AND r.sealed AND r.id = $5
     RETURNING *`,
    [
      id,
      JSON.stringify(input.recipients),
      input.now,
      input.requestedBy,
      input.reportId,
      `<${id}@bordereau>`,
    ],
  );
  return rows[0] ?? null;
}

/** The outbox tables: the client's copies, the activity reports (same columns for sending). */
export type OutboxTable = 'report_deliveries' | 'activity_deliveries';

/** The next due row of `table`, claimed for one attempt (a lease against a crashed sender). */
export async function claimNext<Row extends { id: string; attempts: number }>(
  db: Queryable,
  now: number,
  table: OutboxTable = 'report_deliveries',
): Promise<Row | null> {
  const { rows } = await db.query<Row>(
    `UPDATE ${table}
        SET status = 'sending', attempts = attempts + 1, next_attempt_at = $2, updated_at = $1
      WHERE id = (SELECT id FROM ${table}
                   WHERE status IN ('pending', 'retrying', 'sending') AND next_attempt_at <= $1
                   ORDER BY next_attempt_at, created_at LIMIT 1
                   FOR UPDATE SKIP LOCKED)
      RETURNING *`,
    [now, now + SENDING_LEASE_MS],
  );
  return rows[0] ?? null;
}

/** Records an attempt's outcome: sent, or retried later with back-off, or given up. */
export async function settle(
  db: Queryable,
  row: { id: string; attempts: number },
  now: number,
  outcome: { ok: true } | { ok: false; error: string; permanent: boolean },
  table: OutboxTable = 'report_deliveries',
): Promise<void> {
  if (outcome.ok) {
    await db.query(
      `UPDATE ${table} SET status = 'sent', sent_at = $2, updated_at = $2, last_error = NULL
        WHERE id = $1`,
      [row.id, now],
    );
    return;
  }
  const status: DeliveryStatus = outcome.permanent
    ? 'bounced'
    : row.attempts >= MAX_ATTEMPTS
      ? 'failed'
      : 'retrying';
  await db.query(
    `UPDATE ${table} SET status = $2, last_error = $3, next_attempt_at = $4, updated_at = $5
      WHERE id = $1`,
    [row.id, status, outcome.error, now + retryDelayMs(row.attempts), now],
  );
}

export interface OutboxDeps {
  readonly db: Queryable;
  readonly mailer: Mailer;
  readonly from: string;
  readonly publicUrl: string | null;
  readonly now: () => number;
}

/** Sends every due delivery, one at a time; returns how many were attempted. */
export async function sendDueDeliveries(deps: OutboxDeps): Promise<number> {
  let attempted = 0;
  for (;;) {
    const row = await claimNext<DeliveryRow>(deps.db, deps.now());
    if (!row) return attempted;
    attempted++;
    try {
      const report = await loadSealedReport(deps.db, row.report_id);
      if (!report) throw new MailError('Bordereau scellé introuvable sur le serveur.', true);
      const pdf = await sealedReportPdf(deps.db, report, deps.publicUrl);
      const message = deliveryMessage(report, deps.publicUrl);
      await deps.mailer.send({
        from: deps.from,
        to: row.recipients,
        subject: message.subject,
        text: message.text,
        messageId: row.message_id,
        attachment: { filename: message.filename, content: pdf },
      });
      await settle(deps.db, row, deps.now(), { ok: true });
    } catch (error) {
      await settle(deps.db, row, deps.now(), {
        ok: false,
        error: (error as Error).message,
        permanent: error instanceof MailError && error.permanent,
      });
    }
  }
}
