import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { formatDateTime } from '../../shared/format/date';
import { sha256HexSchema } from '../../shared/report/model';
import { reportNumberSchema } from '../../shared/report/number';
import type { Queryable } from '../db/database';

/**
 * The public verification page the QR code of every sealed bordereau points to
 * (shared/report/pdf/qr-code.ts): `/verifier?n=<number>&v=<version>&h=<hash>`. No login. It
 * says only whether that hash was sealed under that number and version, when and by whom,
 * and whether a newer version exists; an unknown number and a wrong hash get the same answer,
 * so the page reveals nothing about reports the reader does not already hold.
 */

export const verifyQuerySchema = z.object({
  n: reportNumberSchema,
  v: z.coerce.number().int().positive(),
  h: sha256HexSchema,
});

export type Verification =
  | {
      readonly authentic: true;
      readonly number: string;
      readonly version: number;
      readonly sealedAt: number;
      readonly signer: string;
      readonly provider: string;
      /** The latest sealed version of that number, when newer than this one. */
      readonly newerVersion: number | null;
    }
  | { readonly authentic: false };

interface SealedRow {
  seal_hash: string;
  version: string;
  sealed_at: string;
  signer: string;
  provider: string;
}

export async function verifyReport(
  db: Queryable,
  query: z.infer<typeof verifyQuerySchema>,
): Promise<Verification> {
  const { rows } = await db.query<SealedRow>(
    `SELECT seal_hash,
            data->'content'->'version'->>'number' AS version,
            data->'seal'->>'sealedAt' AS sealed_at,
            data->'seal'->'signer'->>'name' AS signer,
            data->'content'->'provider'->>'name' AS provider
       FROM records
      WHERE entity = 'reports' AND sealed AND data->'content'->>'number' = $1`,
    [query.n],
  );
  const match = rows.find((row) => row.seal_hash === query.h && Number(row.version) === query.v);
  if (!match) return { authentic: false };
  const latest = Math.max(...rows.map((row) => Number(row.version)));
  return {
    authentic: true,
    number: query.n,
    version: query.v,
    sealedAt: Number(match.sealed_at),
    signer: match.signer,
    provider: match.provider,
    newerVersion: latest > query.v ? latest : null,
  };
}

function escapeHtml(text: string): string {
  return text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c,
  );
}

function page(title: string, tone: 'ok' | 'ko', paragraphs: readonly string[]): string {
  const colour = tone === 'ok' ? '#1b6e3a' : '#a4361f';
  return `<!doctype html>
<html lang="fr"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex"><title>${escapeHtml(title)} – vérification de bordereau</title>
<style>body{font-family:system-ui,sans-serif;max-width:40rem;margin:2rem auto;padding:0 1rem;line-height:1.5}
h1{color:${colour}}</style></head>
<body><h1 id="verdict">${escapeHtml(title)}</h1>
${paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`).join('\n')}
</body></html>`;
}

export function verificationPage(result: Verification): string {
  if (!result.authentic) {
    return page('Non authentique', 'ko', [
      'Aucun bordereau scellé ne correspond à ce numéro, cette version et cette empreinte.',
      'Si vous tenez ce lien d’un bordereau papier ou PDF, il a pu être modifié : demandez une copie au prestataire.',
    ]);
  }
  return page('Bordereau authentique', 'ok', [
    `Le bordereau ${result.number}, version ${result.version}, a été signé et scellé le ` +
      `${formatDateTime(result.sealedAt)} (heure de Paris) par ${result.signer}, pour ${result.provider}.`,
    'L’empreinte SHA-256 de ce lien est bien celle du contenu enregistré : le document qui la porte est conforme à l’original.',
    result.newerVersion
      ? `Attention : une version plus récente (version ${result.newerVersion}) remplace ce bordereau.`
      : 'Aucune version plus récente n’existe.',
  ]);
}

export function registerVerifyRoute(app: FastifyInstance, deps: { db: Queryable }): void {
  app.get(
    '/verifier',
    // Public: limited per address so the page cannot be used to hammer the database.
    { config: { rateLimit: { max: 60, timeWindow: 60_000 } } },
    async (request, reply) => {
      void reply.header('cache-control', 'no-store').type('text/html; charset=utf-8');
      const query = verifyQuerySchema.safeParse(request.query);
      if (!query.success) {
        return reply
          .code(400)
          .send(
            page('Lien de vérification invalide', 'ko', [
              'Ce lien ne contient pas un numéro de bordereau, une version et une empreinte SHA-256 valides.',
            ]),
          );
      }
      return reply.send(verificationPage(await verifyReport(deps.db, query.data)));
    },
  );
}
