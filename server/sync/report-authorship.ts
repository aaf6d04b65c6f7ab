import type { AuthenticatedAccount } from '../auth/tokens';
import type { Queryable } from '../db/database';

export type AuthorshipRefusal = { reason: 'forbidden' | 'invalid'; message: string };

type ReportFacts = { code: string; number: string; version: number } | null;

function factsOf(data: Readonly<Record<string, unknown>>): ReportFacts {
  const content = data['content'] as
    | { technician?: { code?: unknown }; number?: unknown; version?: { number?: unknown } }
    | undefined;
  const code = content?.technician?.code;
  const number = content?.number;
  const version = content?.version?.number;
  if (typeof code !== 'string' || typeof number !== 'string' || typeof version !== 'number')
    return null;
  return { code, number, version };
}

/**
 * Whether the pushing account may author this report (already checked against its schema):
 *
 * - a technician signs and numbers under their own technician code only. A code belongs to
 *   the first technician account that sends a report with it (`technician_codes`); a report
 *   of another technician's code is refused, whatever name it carries. The office may push
 *   any report (it corrects and re-issues them);
 * - a signed report's number is unique per version: another signed report holding the same
 *   number and version is refused (the unique index `records_sealed_report_number` enforces
 *   it in the database as well, against concurrent pushes).
 */
export async function reportAuthorshipRefusal(
  tx: Queryable,
  account: AuthenticatedAccount,
  recordId: string,
  data: Readonly<Record<string, unknown>>,
  sealed: boolean,
  now: number,
): Promise<AuthorshipRefusal | null> {
  const facts = factsOf(data);
  if (!facts) return null;
  if (account.role === 'technician') {
    // Claims the code if free; a concurrent claim by another account waits on the row lock,
    // then finds the code taken.
    await tx.query(
      'INSERT INTO technician_codes (code, account_id, created_at) VALUES ($1, $2, $3) ON CONFLICT (code) DO NOTHING',
      [facts.code, account.id, now],
    );
    const owner = await tx.query<{ account_id: string }>(
      'SELECT account_id FROM technician_codes WHERE code = $1',
      [facts.code],
    );
    if (owner.rows[0]?.account_id !== account.id) {
      return {
        reason: 'forbidden',
        message: `Le code technicien ${facts.code} appartient à un autre compte : un bordereau ne peut être établi que sous votre propre code.`,
      };
    }
  }
  if (sealed) {
    const taken = await tx.query(
      `SELECT 1 FROM records
        WHERE entity = 'reports' AND sealed AND id <> $1
          AND data #>> '{content,number}' = $2 AND data #>> '{content,version,number}' = $3`,
      [recordId, facts.number, String(facts.version)],
    );
    if (taken.rows.length > 0) {
      return {
        reason: 'invalid',
        message: `Le numéro ${facts.number} v${facts.version} est déjà celui d’un autre bordereau signé.`,
      };
    }
  }
  return null;
}

/** Name of the unique index on signed report numbers (migration 4). */
export const SEALED_NUMBER_INDEX = 'records_sealed_report_number';
