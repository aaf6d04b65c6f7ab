import type { BordereauDb } from '../../../../renderer/db/database';
import { login } from '../../../../renderer/sync/session';
import type { Transport } from '../../../../renderer/sync/transport';

export const SERVER = 'https://bureau.example.fr';
export const TOKEN = 't'.repeat(40);

export interface SeenRequest {
  readonly method: string;
  readonly url: string;
  readonly headers: Record<string, string>;
  readonly body: unknown;
}

/**
 * An office server on the wire as `fetch` sees it: answers each request with `reply` (a
 * status and a JSON body) and keeps what was sent.
 */
export function officeTransport(
  reply: (request: SeenRequest) => { status: number; body: unknown },
): {
  transport: Transport;
  seen: SeenRequest[];
} {
  const seen: SeenRequest[] = [];
  const transport: Transport = async (url, init) => {
    const request: SeenRequest = {
      method: init.method ?? 'GET',
      url,
      headers: (init.headers ?? {}) as Record<string, string>,
      body: typeof init.body === 'string' ? JSON.parse(init.body) : undefined,
    };
    seen.push(request);
    const { status, body } = reply(request);
    return new Response(JSON.stringify(body), {
      status,
      headers: { 'content-type': 'application/json' },
    });
  };
  return { transport, seen };
}

/** Logs this laptop in as the office, through the app's own login (token kept as a secret). */
export async function logInAsOffice(
  db: BordereauDb,
  role: 'office' | 'technician' = 'office',
): Promise<void> {
  const { transport } = officeTransport(() => ({
    status: 200,
    body: {
      token: TOKEN,
      expiresAt: Date.UTC(2027, 0, 1),
      account: {
        id: '0192b3c4-0000-7000-8000-00000000b0b0',
        email: 'bureau@exemple.fr',
        name: 'Sophie Martin',
        role,
      },
    },
  }));
  await login(db, { serverUrl: SERVER, email: 'bureau@exemple.fr', password: 'secret' }, transport);
}
