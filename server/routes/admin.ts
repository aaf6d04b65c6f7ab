import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type {
  AccountSummary,
  FieldClient,
  MergeClientsResponse,
} from '../../shared/admin/admin-protocol';
import {
  bulkAssignmentRequestSchema,
  mergeClientsRequestSchema,
  resetPasswordRequestSchema,
  updateAccountRequestSchema,
} from '../../shared/admin/admin-protocol';
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
import { accountOf, requireAccount } from '../http/authenticate';
import { listAccounts, resetPassword, setAssignments, updateAccount } from '../admin/account-admin';
import { mergeClients } from '../admin/client-merge';
import { listFieldClients, validateFieldClient } from '../admin/field-client-queue';
import { grantClient } from '../sync/scope';

const accountIdParamsSchema = z.object({ id: z.uuid('Identifiant de compte invalide.') });
const clientIdParamsSchema = z.object({ id: z.uuid('Identifiant de client invalide.') });

export type AdminRouteOptions = { db: Database; now: () => number };

const OFFICE = ['office'] as const;

/** Office-only management: accounts, which technician sees which client, sessions. */
export function registerAdminRoutes(app: FastifyInstance, { db, now }: AdminRouteOptions): void {
  const office = { onRequest: requireAccount(db, OFFICE, now) };

  app.get('/api/v1/admin/accounts', office, async (): Promise<{ accounts: AccountSummary[] }> => ({
    accounts: await listAccounts(db),
  }));

  app.patch<{ Params: { id: string } }>(
    '/api/v1/admin/accounts/:id',
    office,
    async (request, reply) => {
      const { id } = parseOr400(accountIdParamsSchema, request.params, 'Compte');
      const body = parseOr400(updateAccountRequestSchema, request.body, 'Compte');
      await updateAccount(db, id, body, accountOf(request).id);
      return reply.code(204).send();
    },
  );

  app.post<{ Params: { id: string } }>(
    '/api/v1/admin/accounts/:id/password',
    office,
    async (request): Promise<{ revoked: number }> => {
      const { id } = parseOr400(accountIdParamsSchema, request.params, 'Compte');
      const body = parseOr400(resetPasswordRequestSchema, request.body, 'Mot de passe');
      return resetPassword(db, id, body.password, now());
    },
  );

  app.post('/api/v1/admin/assignments/bulk', office, async (request) => {
    const body = parseOr400(bulkAssignmentRequestSchema, request.body, 'Attributions');
    return db.transaction((tx) => setAssignments(tx, body, now()));
  });

  app.get('/api/v1/admin/field-clients', office, async (): Promise<{ clients: FieldClient[] }> => ({
    clients: await listFieldClients(db),
  }));

  app.post<{ Params: { id: string } }>(
    '/api/v1/admin/field-clients/:id/validate',
    office,
    async (request, reply) => {
      const { id } = parseOr400(clientIdParamsSchema, request.params, 'Client');
      await db.transaction((tx) => validateFieldClient(tx, id, now()));
      return reply.code(204).send();
    },
  );

  app.post(
    '/api/v1/admin/clients/merge',
    office,
    async (request): Promise<MergeClientsResponse> => {
      const body = parseOr400(mergeClientsRequestSchema, request.body, 'Fusion');
      return db.transaction((tx) => mergeClients(tx, body, accountOf(request).id, now()));
    },
  );

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

  /**
   * A technician who leaves: the account can no longer log in and every session ends at
   * once, in one transaction (revoking tokens alone let them log in again). Records and
   * assignments stay, for the audit trail and in case the account is enabled again.
   */
  app.post<{ Params: { id: string } }>(
    '/api/v1/admin/accounts/:id/disable',
    office,
    async (request): Promise<{ id: string; disabled: true; revoked: number }> => {
      const { id } = parseOr400(accountIdParamsSchema, request.params, 'Compte');
      if (id === accountOf(request).id) {
        throw new ApiHttpError(409, {
          error: 'conflict',
          message: 'Vous ne pouvez pas désactiver votre propre compte.',
        });
      }
      return db.transaction(async (tx) => {
        const updated = await tx.query('UPDATE accounts SET disabled = true WHERE id = $1', [id]);
        if (updated.rowCount === 0) {
          throw new ApiHttpError(404, { error: 'not_found', message: 'Compte introuvable.' });
        }
        return { id, disabled: true, revoked: await revokeAccountTokens(tx, id, now()) };
      });
    },
  );

  app.post<{ Params: { id: string } }>(
    '/api/v1/admin/accounts/:id/enable',
    office,
    async (request): Promise<{ id: string; disabled: false }> => {
      const { id } = parseOr400(accountIdParamsSchema, request.params, 'Compte');
      const updated = await db.query('UPDATE accounts SET disabled = false WHERE id = $1', [id]);
      if (updated.rowCount === 0) {
        throw new ApiHttpError(404, { error: 'not_found', message: 'Compte introuvable.' });
      }
      return { id, disabled: false };
    },
  );

  app.post('/api/v1/admin/tokens/revoke', office, async (request): Promise<{ revoked: number }> => {
    const body = parseOr400(revokeTokensRequestSchema, request.body, 'Révocation');
    return { revoked: await revokeAccountTokens(db, body.accountId, now()) };
  });
}
