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
import { authenticate } from '../http/authenticate';
import { resendClient } from '../sync/scope';

export type AdminRouteOptions = { db: Database; now: () => number };

const OFFICE = ['office'] as const;

/** Office-only management: accounts, which technician sees which client, sessions. */
export function registerAdminRoutes(app: FastifyInstance, { db, now }: AdminRouteOptions): void {
  app.get('/api/v1/admin/accounts', async (request): Promise<{ accounts: Account[] }> => {
    await authenticate(db, request, OFFICE, now());
    const result = await db.query<Account>(
      'SELECT id, email, name, role FROM accounts ORDER BY email',
    );
    return { accounts: result.rows };
  });

  app.post('/api/v1/admin/accounts', async (request, reply): Promise<Account> => {
    await authenticate(db, request, OFFICE, now());
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

  app.post('/api/v1/admin/assignments', async (request, reply) => {
    await authenticate(db, request, OFFICE, now());
    const body = parseOr400(assignmentRequestSchema, request.body, 'Attribution');
    await db.transaction(async (tx) => {
      const account = await tx.query<{ role: string }>('SELECT role FROM accounts WHERE id = $1', [
        body.accountId,
      ]);
      if (account.rows[0]?.role !== 'technician') {
        throw new ApiHttpError(404, { error: 'not_found', message: 'Technicien introuvable.' });
      }
      const inserted = await tx.query(
        'INSERT INTO assignments (account_id, client_id, created_at) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING',
        [body.accountId, body.clientId, now()],
      );
      // The technician's cursor may be past this client's records: send them again.
      if (inserted.rowCount === 1) await resendClient(tx, body.clientId);
    });
    return reply.code(204).send();
  });

  app.delete('/api/v1/admin/assignments', async (request, reply) => {
    await authenticate(db, request, OFFICE, now());
    const body = parseOr400(assignmentRequestSchema, request.body, 'Attribution');
    await db.query('DELETE FROM assignments WHERE account_id = $1 AND client_id = $2', [
      body.accountId,
      body.clientId,
    ]);
    return reply.code(204).send();
  });

  app.post('/api/v1/admin/tokens/revoke', async (request): Promise<{ revoked: number }> => {
    await authenticate(db, request, OFFICE, now());
    const body = parseOr400(revokeTokensRequestSchema, request.body, 'Révocation');
    return { revoked: await revokeAccountTokens(db, body.accountId, now()) };
  });
}
