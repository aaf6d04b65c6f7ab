import { resolve } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import type { ApiError } from '../../shared/sync/protocol';
import { UPDATES_PATH, updateFileNameSchema } from '../../shared/updates';

/** The folder holding the published release (BORDEREAU_UPDATES_DIR); unset: no updates. */
export function updatesDirFromEnv(env: Record<string, string | undefined>): string | null {
  const dir = env['BORDEREAU_UPDATES_DIR']?.trim();
  return dir ? resolve(dir) : null;
}

/**
 * GET /updates/<file>: the release files electron-updater's generic provider reads, served
 * by @fastify/static (byte ranges for differential downloads, ETag, no path escaping).
 * Unauthenticated and read-only: installers are not secret, and an app whose token expired
 * or whose protocol is too old must still update. The manifests are never cached, so a
 * release is seen as soon as it is copied.
 */
export async function registerUpdateRoutes(
  app: FastifyInstance,
  dir: string | null = updatesDirFromEnv(process.env),
): Promise<void> {
  if (dir) {
    await app.register(fastifyStatic, {
      root: dir,
      serve: false,
      dotfiles: 'deny',
      index: false,
      cacheControl: false,
    });
  }
  app.get(`${UPDATES_PATH}/:file`, async (request, reply) => {
    const parsed = updateFileNameSchema.safeParse((request.params as { file?: unknown }).file);
    if (!parsed.success) {
      const body: ApiError = {
        error: 'bad_request',
        message: 'Nom de fichier de mise à jour invalide.',
        issues: parsed.error.issues.map((i) => ({ path: 'file', message: i.message })),
      };
      return reply.code(400).send(body);
    }
    if (!dir) {
      const body: ApiError = {
        error: 'not_found',
        message: 'Aucune mise à jour n’est publiée sur ce serveur (BORDEREAU_UPDATES_DIR).',
      };
      return reply.code(404).send(body);
    }
    if (parsed.data.endsWith('.yml')) reply.header('cache-control', 'no-cache');
    return reply.sendFile(parsed.data);
  });
}
