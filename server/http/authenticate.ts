import type { FastifyInstance, FastifyRequest, onRequestAsyncHookHandler } from 'fastify';
import type { Role } from '../../shared/sync/protocol';
import type { AuthenticatedAccount } from '../auth/tokens';
import { accountForToken } from '../auth/tokens';
import type { Queryable } from '../db/database';
import { ApiHttpError, forbidden } from './api-error';

export function bearerToken(request: FastifyRequest): string | null {
  const header = request.headers.authorization;
  if (typeof header !== 'string') return null;
  const match = /^Bearer ([A-Za-z0-9_-]{20,200})$/.exec(header);
  return match ? match[1]! : null;
}

/** The caller's account, when its token is valid and its role among `roles`; 401/403 otherwise. */
export async function authenticate(
  db: Queryable,
  request: FastifyRequest,
  roles: readonly Role[],
  now: number,
): Promise<AuthenticatedAccount> {
  const token = bearerToken(request);
  const account = token ? await accountForToken(db, token, now) : null;
  if (!account) {
    throw new ApiHttpError(401, {
      error: 'unauthorized',
      message: 'Session absente, expirée ou révoquée : reconnectez-vous.',
    });
  }
  if (!roles.includes(account.role))
    throw forbidden('Votre compte n’a pas accès à cette fonction.');
  return account;
}

declare module 'fastify' {
  interface FastifyRequest {
    /** The caller, set by the requireAccount hook of a protected route; null elsewhere. */
    account: AuthenticatedAccount | null;
  }
}

/** Declares `request.account` (once, before the routes). */
export function registerAuthentication(app: FastifyInstance): void {
  app.decorateRequest('account', null);
}

/**
 * The onRequest hook of a protected route: authenticates before the body is read or parsed,
 * so an anonymous client cannot make the server buffer a 25 MiB upload or parse a 1 MiB push
 * only to be told 401 (or a technician an office route only to be told 403). Route hooks run
 * after the app's (protocol versions), and CORS preflights never reach them: @fastify/cors
 * answers OPTIONS with its own route.
 */
export function requireAccount(
  db: Queryable,
  roles: readonly Role[],
  now: () => number,
): onRequestAsyncHookHandler {
  return async (request) => {
    request.account = await authenticate(db, request, roles, now());
  };
}

/** The account requireAccount authenticated; throws if the route forgot the hook. */
export function accountOf(request: FastifyRequest): AuthenticatedAccount {
  if (!request.account)
    throw new Error(`Route sans authentification : ${request.routeOptions.url}`);
  return request.account;
}
