import type { FastifyInstance } from 'fastify';
import type { LoginResponse } from '../../shared/sync/protocol';
import { loginRequestSchema } from '../../shared/sync/protocol';
import { checkCredentials } from '../auth/accounts';
import { clearLoginFailures, loginLockedFor, recordLoginFailure } from '../auth/login-backoff';
import { issueToken, revokeToken } from '../auth/tokens';
import type { Database } from '../db/database';
import { ApiHttpError, parseOr400 } from '../http/api-error';
import { bearerToken, requireAccount } from '../http/authenticate';

export type AuthRouteOptions = {
  db: Database;
  now: () => number;
  tokenTtlMs: number;
  loginRatePerMinute: number;
};

export function registerAuthRoutes(
  app: FastifyInstance,
  { db, now, tokenTtlMs, loginRatePerMinute }: AuthRouteOptions,
): void {
  app.post(
    '/api/v1/auth/login',
    { config: { rateLimit: { max: loginRatePerMinute, timeWindow: 60_000 } } },
    async (request): Promise<LoginResponse> => {
      const body = parseOr400(loginRequestSchema, request.body, 'Identifiants');
      const lockedMs = await loginLockedFor(db, body.email, now());
      if (lockedMs > 0) {
        throw new ApiHttpError(429, {
          error: 'too_many_requests',
          message: `Trop de tentatives pour ce compte : réessayez dans ${Math.ceil(lockedMs / 1000)} secondes.`,
        });
      }
      const account = await checkCredentials(db, body.email, body.password);
      if (account) await clearLoginFailures(db, body.email);
      else await recordLoginFailure(db, body.email, now());
      if (!account) {
        throw new ApiHttpError(401, {
          error: 'unauthorized',
          message: 'Adresse e-mail ou mot de passe incorrect.',
        });
      }
      const { token, expiresAt } = await issueToken(db, account.id, now(), tokenTtlMs);
      return { token, expiresAt, account };
    },
  );

  const authenticated = requireAccount(db, ['technician', 'office'], now);
  app.post('/api/v1/auth/logout', { onRequest: authenticated }, async (request, reply) => {
    await revokeToken(db, bearerToken(request)!, now());
    return reply.code(204).send();
  });
}
