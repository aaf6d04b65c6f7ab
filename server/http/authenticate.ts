import type { FastifyRequest } from 'fastify';
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
