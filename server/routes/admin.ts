import type { FastifyInstance } from 'fastify';
import type { Account } from '../../shared/sync/protocol';
import {
  assignmentRequestSchema,
  createAccountRequestSchema,
  revokeTokensRequestSchema,
} from '../../shared/sync/protocol';
import { createAccount, DuplicateEmailError } from '../auth/accounts';
import { revokeAccountTokens } from '../auth/tokens';
import type { Database } from '../db/database';
import { ApiHttpError, parseOr400 } from '../http/api-error';
import { requireAccount } from '../http/authenticate';
import { grantClient } from '../sync/scope';

export type AdminRouteOptions = { db: Database; now: () => number };

const OFFICE = ['office'] as const;

/** Office-only management: accounts, which technician sees which client, sessions. */
export function registerAdminRoutes(app: FastifyInstance, { db, now }: AdminRouteOptions): void {
  const office = { onRequest: requireAccount(db, OFFICE, now) };

  app.get('/api/v1/admin/accounts', office, async (): Promise<{ accounts: Account[] }> => {
    const result = await db.query<Account>(
      'SELECT id, email, name, role FROM accounts ORDER BY email',
    );
    return { accounts: result.rows };
  });

  app.post('/api/v1/admin/accounts', office, async (request, reply): Promise<Account> => {
    const body = parseOr400(createAccountRequestSchema, request.body, 'Compte');
    try {
      const account = await createAccount(db, body, now());
      reply.code(201);
      return account;
    } catch (error) {
      if (error instanceof DuplicateEmailError)
        throw new ApiHttpError(409, { error: 'conflict', message: error.message });
      throw error;
    }
  });

  app.post('/api/v1/admin/assignments', office, async (request, reply) => {
    const body = parseOr400(assignmentRequestSchema, request.body, 'Attribution');
    await db.transaction(async (tx) => {
      const account = await tx.query<{ role: string }>('SELECT role FROM accounts WHERE id = $1', [
        body.accountId,
      ]);
      if (account.rows[0]?.role !== 'technician') {
        throw new ApiHttpError(404, { error: 'not_found', message: 'Technicien introuvable.' });
      }
      await grantClient(tx, body.accountId, body.clientId, now());
    });
    return reply.code(204).send();
  });

  app.delete('/api/v1/admin/assignments', office, async (request, reply) => {
    const body = parseOr400(assignmentRequestSchema, request.body, 'Attribution');
    await db.query('DELETE FROM assignments WHERE account_id = $1 AND client_id = $2', [
      body.accountId,
      body.clientId,
    ]);
    return reply.code(204).send();
  });

  app.post('/api/v1/admin/tokens/revoke', office, async (request): Promise<{ revoked: number }> => {
    const body = parseOr400(revokeTokensRequestSchema, request.body, 'Révocation');
    return { revoked: await revokeAccountTokens(db, body.accountId, now()) };
  });
}
