import type { z } from 'zod';
import type { Mutation } from '../../shared/sync/mutation';
import {
  apiErrorSchema,
  blobPutResponseSchema,
  loginResponseSchema,
  PROTOCOL_VERSION,
  PROTOCOL_VERSION_HEADER,
  pullResponseSchema,
  pushResponseSchema,
  SCHEMA_VERSION,
  SCHEMA_VERSION_HEADER,
} from '../../shared/sync/protocol';
import type {
  BlobPutResponse,
  LoginResponse,
  PullResponse,
  PushResponse,
} from '../../shared/sync/protocol';
import { SyncError } from './sync-error';
import type { Transport } from './transport';

export const UPGRADE_MESSAGE =
  'Cette version de Bordereau est trop ancienne pour le serveur du bureau : mettez l’application à jour.';

/**
 * The office server's API as the desktop app calls it: versions and token on every request,
 * every answer checked against the shared zod schemas, every failure a SyncError.
 */
export class SyncApi {
  constructor(
    private readonly baseUrl: string,
    private readonly transport: Transport,
    private readonly token: string | null = null,
  ) {}

  withToken(token: string): SyncApi {
    return new SyncApi(this.baseUrl, this.transport, token);
  }

  login(email: string, password: string): Promise<LoginResponse> {
    return this.json('POST', '/api/v1/auth/login', loginResponseSchema, { email, password });
  }

  async logout(): Promise<void> {
    await this.send('POST', '/api/v1/auth/logout', 'application/json', '{}');
  }

  push(
    deviceId: string,
    sentAt: number,
    mutations: readonly Mutation[],
    previousMutationId?: number,
  ): Promise<PushResponse> {
    return this.json('POST', '/api/v1/sync/push', pushResponseSchema, {
      deviceId,
      sentAt,
      ...(previousMutationId !== undefined ? { previousMutationId } : {}),
      mutations,
    });
  }

  pull(deviceId: string, cursor: string, limit?: number): Promise<PullResponse> {
    const query = new URLSearchParams({ deviceId, cursor });
    if (limit !== undefined) query.set('limit', String(limit));
    return this.json('GET', `/api/v1/sync/pull?${query.toString()}`, pullResponseSchema);
  }

  async putBlob(sha256: string, bytes: Uint8Array): Promise<BlobPutResponse> {
    const response = await this.send(
      'PUT',
      `/api/v1/blobs/${sha256}`,
      'application/octet-stream',
      bytes,
    );
    return parseBody(response, blobPutResponseSchema);
  }

  async getBlob(sha256: string): Promise<Uint8Array> {
    const response = await this.send('GET', `/api/v1/blobs/${sha256}`);
    return new Uint8Array(await response.arrayBuffer());
  }

  /** Any JSON route (the office administration, admin-api.ts), its answer checked by `schema`. */
  request<S extends z.ZodType>(
    method: string,
    path: string,
    schema: S,
    body?: unknown,
  ): Promise<z.output<S>> {
    return this.json(method, path, schema, body);
  }

  /** A JSON route answering 204 (nothing to read). */
  async requestNoContent(method: string, path: string, body?: unknown): Promise<void> {
    await this.send(
      method,
      path,
      body === undefined ? undefined : 'application/json',
      body === undefined ? undefined : JSON.stringify(body),
    );
  }

  private async json<S extends z.ZodType>(
    method: string,
    path: string,
    schema: S,
    body?: unknown,
  ): Promise<z.output<S>> {
    const response = await this.send(
      method,
      path,
      'application/json',
      body === undefined ? undefined : JSON.stringify(body),
    );
    return parseBody(response, schema);
  }

  /**
   * After a failed request in a browser: does the server answer a request the browser sends
   * without CORS (an opaque answer, unreadable but proof the server is there)? Then the failure
   * was CORS, not the network.
   */
  private async answersWithoutCors(): Promise<boolean> {
    if (pageOrigin() === null) return false;
    try {
      await this.transport(`${this.baseUrl.replace(/\/+$/, '')}/health`, {
        method: 'GET',
        mode: 'no-cors',
      });
      return true;
    } catch {
      return false;
    }
  }

  private async send(
    method: string,
    path: string,
    contentType?: string,
    body?: string | Uint8Array,
  ): Promise<Response> {
    const headers: Record<string, string> = {
      [PROTOCOL_VERSION_HEADER]: String(PROTOCOL_VERSION),
      [SCHEMA_VERSION_HEADER]: String(SCHEMA_VERSION),
    };
    if (this.token) headers['authorization'] = `Bearer ${this.token}`;
    if (body !== undefined && contentType) headers['content-type'] = contentType;
    let response: Response;
    try {
      response = await this.transport(`${this.baseUrl.replace(/\/+$/, '')}${path}`, {
        method,
        headers,
        // BodyInit accepts a Uint8Array at runtime; the DOM typings want an ArrayBuffer-backed view.
        body:
          body === undefined
            ? undefined
            : typeof body === 'string'
              ? body
              : (body.slice() as Uint8Array<ArrayBuffer>),
      });
    } catch {
      // The browser's reason ("Failed to fetch") says nothing more to a technician; but a
      // server that answers while refusing this page (CORS) must not pass for unreachable.
      if (await this.answersWithoutCors()) throw new SyncError('forbidden', corsMessage());
      throw new SyncError(
        'offline',
        'Serveur du bureau injoignable : vérifiez la connexion réseau. Vos modifications restent enregistrées sur cet ordinateur.',
      );
    }
    if (response.ok) return response;
    throw await errorFrom(response);
  }
}

/**
 * The page's origin, in a browser (null elsewhere: Node tests, where no CORS applies). Only a
 * browser refuses an answer for want of CORS headers.
 */
function pageOrigin(): string | null {
  return typeof location === 'undefined' ? null : location.origin;
}

function corsMessage(): string {
  return `Le serveur du bureau répond, mais refuse cette page (${pageOrigin() ?? 'origine inconnue'}) : son adresse doit être autorisée sur le serveur (variable BORDEREAU_ALLOWED_ORIGINS, ou BORDEREAU_ALLOW_LOOPBACK_ORIGINS=1 pour une page servie sur cet ordinateur). Vos modifications restent enregistrées sur cet ordinateur.`;
}

async function parseBody<S extends z.ZodType>(response: Response, schema: S): Promise<z.output<S>> {
  let raw: unknown;
  try {
    raw = await response.json();
  } catch {
    throw new SyncError(
      'offline',
      'Réponse du serveur interrompue : la synchronisation sera reprise.',
      response.status,
    );
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    throw new SyncError(
      'protocol',
      'Réponse du serveur inattendue : vérifiez que le serveur et l’application sont à jour.',
      response.status,
    );
  }
  return parsed.data;
}

async function errorFrom(response: Response): Promise<SyncError> {
  let message: string | null = null;
  let code: string | null = null;
  try {
    const parsed = apiErrorSchema.safeParse(await response.json());
    if (parsed.success) {
      message = parsed.data.message;
      code = parsed.data.error;
    }
  } catch {
    // Not JSON (a proxy's error page): the status decides.
  }
  const status = response.status;
  if (status === 426) return new SyncError('upgrade', UPGRADE_MESSAGE, status);
  if (status === 401)
    return new SyncError(
      'unauthorized',
      message ?? 'Session expirée : reconnectez-vous au serveur du bureau.',
      status,
    );
  if (status === 403)
    return new SyncError(
      'forbidden',
      message ?? 'Votre compte n’a pas accès à cette fonction.',
      status,
    );
  if (code === 'clock_drift')
    return new SyncError(
      'clock',
      message ?? 'L’horloge de cet ordinateur est en avance : corrigez la date et l’heure.',
      status,
    );
  if (status === 429 || status >= 500) {
    return new SyncError(
      'server',
      message ??
        `Le serveur du bureau est momentanément indisponible (erreur ${status}) : nouvel essai automatique.`,
      status,
    );
  }
  return new SyncError(
    'rejected',
    message ?? `Le serveur a refusé la demande (erreur ${status}).`,
    status,
  );
}
