import { z } from 'zod';
import type {
  AccountSummary,
  BulkAssignmentRequest,
  FieldClient,
  MergeClientsResponse,
  UpdateAccountRequest,
} from '../../shared/admin/admin-protocol';
import {
  accountListSchema,
  fieldClientListSchema,
  mergeClientsResponseSchema,
} from '../../shared/admin/admin-protocol';
import type { Account, CreateAccountRequest } from '../../shared/sync/protocol';
import { accountSchema } from '../../shared/sync/protocol';
import type { BordereauDb } from '../db/database';
import { SyncApi } from './api-client';
import { loadSession } from './session';
import { SyncError } from './sync-error';
import type { Transport } from './transport';

const changedSchema = z.object({ changed: z.number().int() });
const revokedSchema = z.object({ revoked: z.number().int() });
const disabledSchema = z.object({ id: z.uuid(), disabled: z.boolean() });

/**
 * The office administration routes (docs/sync-protocol.md, "Admin"), with the session of this
 * laptop. The server checks the office role on every call, whatever the screen shows.
 */
export class AdminApi {
  constructor(private readonly api: SyncApi) {}

  static async open(db: BordereauDb, transport: Transport): Promise<AdminApi> {
    const session = await loadSession(db);
    if (!session) throw new SyncError('not_configured', 'Connectez-vous au serveur du bureau.');
    if (session.account.role !== 'office')
      throw new SyncError('forbidden', 'L’administration est réservée aux comptes du bureau.');
    return new AdminApi(new SyncApi(session.serverUrl, transport).withToken(session.token));
  }

  async accounts(): Promise<AccountSummary[]> {
    return (await this.api.request('GET', '/api/v1/admin/accounts', accountListSchema)).accounts;
  }

  createAccount(input: CreateAccountRequest): Promise<Account> {
    return this.api.request('POST', '/api/v1/admin/accounts', accountSchema, input);
  }

  updateAccount(id: string, input: UpdateAccountRequest): Promise<void> {
    return this.api.requestNoContent('PATCH', `/api/v1/admin/accounts/${id}`, input);
  }

  async resetPassword(id: string, password: string): Promise<number> {
    const reply = await this.api.request(
      'POST',
      `/api/v1/admin/accounts/${id}/password`,
      revokedSchema,
      { password },
    );
    return reply.revoked;
  }

  async setDisabled(id: string, disabled: boolean): Promise<void> {
    await this.api.request(
      'POST',
      `/api/v1/admin/accounts/${id}/${disabled ? 'disable' : 'enable'}`,
      disabledSchema,
      {},
    );
  }

  async setAssignments(input: BulkAssignmentRequest): Promise<number> {
    return (await this.api.request('POST', '/api/v1/admin/assignments/bulk', changedSchema, input))
      .changed;
  }

  async fieldClients(): Promise<FieldClient[]> {
    return (await this.api.request('GET', '/api/v1/admin/field-clients', fieldClientListSchema))
      .clients;
  }

  validateFieldClient(clientId: string): Promise<void> {
    return this.api.requestNoContent(
      'POST',
      `/api/v1/admin/field-clients/${clientId}/validate`,
      {},
    );
  }

  mergeClients(sourceClientId: string, targetClientId: string): Promise<MergeClientsResponse> {
    return this.api.request('POST', '/api/v1/admin/clients/merge', mergeClientsResponseSchema, {
      sourceClientId,
      targetClientId,
    });
  }
}
