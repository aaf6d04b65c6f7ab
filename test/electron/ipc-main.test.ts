import type { IpcMainInvokeEvent } from 'electron';
import { describe, expect, it } from 'vitest';
import { registerIpcHandlers, type IpcHandlers } from '../../electron/ipc-main';
import { trustedOrigins } from '../../electron/origin';
import { IPC_CHANNELS, IPC_NAMES, PRINT_PDF_MAX_BYTES } from '../../shared/ipc';

type Invoke = (event: unknown, payload: unknown) => Promise<unknown>;

function setup() {
  const registered = new Map<string, Invoke>();
  const seen: unknown[] = [];
  const handlers = Object.fromEntries(
    IPC_NAMES.map((name) => [
      name,
      async (request: unknown) => {
        seen.push(request);
        if (name === 'readBackup') throw new Error('disque plein');
        return { ok: true, value: name === 'getSecret' ? 'jeton' : null };
      },
    ]),
  ) as unknown as IpcHandlers; // a uniform stub for every channel
  registerIpcHandlers(
    { handle: (channel: string, fn: Invoke) => void registered.set(channel, fn) } as never,
    handlers,
    trustedOrigins(true),
  );
  return { registered, seen };
}

// Only senderFrame is read by the wrapper.
const from = (url: string, parent: object | null = null) =>
  ({ senderFrame: { url, parent } }) as unknown as IpcMainInvokeEvent;

describe('IPC handlers', () => {
  it('registers exactly the channels of the shared contract', () => {
    const { registered } = setup();
    expect([...registered.keys()].sort()).toEqual(Object.values(IPC_CHANNELS).sort());
  });

  it('answers a trusted top frame with a validated payload', async () => {
    const { registered, seen } = setup();
    const result = await registered.get('secrets:get')!(from('app://bordereau/index.html'), {
      key: 'sync.token',
    });
    expect(result).toEqual({ ok: true, value: 'jeton' });
    expect(seen).toEqual([{ key: 'sync.token' }]);
  });

  it.each([
    ['another origin', from('https://evil.example/')],
    ['the dev server in production', from('http://127.0.0.1:5173/')],
    ['a sub-frame of our page', from('app://bordereau/index.html', {})],
    ['no frame at all', { senderFrame: null } as unknown as IpcMainInvokeEvent],
  ])('refuses %s without calling the handler', async (_label, event) => {
    const { registered, seen } = setup();
    const result = await registered.get('secrets:get')!(event, { key: 'sync.token' });
    expect(result).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(seen).toEqual([]);
  });

  it('refuses a payload that does not match the shared schema', async () => {
    const { registered, seen } = setup();
    const trusted = from('app://bordereau/index.html');
    for (const payload of [{ key: '../../etc/passwd' }, { key: 42 }, null, 'sync.token']) {
      expect(await registered.get('secrets:get')!(trusted, payload)).toMatchObject({
        ok: false,
        error: { code: 'invalid-payload' },
      });
    }
    expect(
      await registered.get('files:savePdf')!(trusted, {
        suggestedName: '../x.pdf',
        bytes: new Uint8Array(1),
      }),
    ).toMatchObject({
      ok: false,
      error: { code: 'invalid-payload' },
    });
    expect(seen).toEqual([]);
  });

  it('refuses a document to print that is not a PDF, too big, or badly named, in French', async () => {
    const { registered, seen } = setup();
    const trusted = from('app://bordereau/index.html');
    const print = registered.get('files:printPdf')!;
    const pdf = (size: number) => {
      const bytes = new Uint8Array(size);
      bytes.set(new TextEncoder().encode('%PDF-1.7'));
      return bytes;
    };
    const refusals: [unknown, string][] = [
      [
        { title: 'BI-1', bytes: new TextEncoder().encode('MZ\x90') },
        'le document à imprimer n’est pas un PDF',
      ],
      [
        { title: 'BI-1', bytes: pdf(PRINT_PDF_MAX_BYTES + 1) },
        'document trop volumineux pour l’impression (64 Mo au plus)',
      ],
      [{ title: '../../x', bytes: pdf(16) }, 'caractère interdit dans le nom (< > : " / \\ | ? *)'],
      [{ title: '', bytes: pdf(16) }, 'titre du document à imprimer vide'],
      [{ title: 'BI-1', bytes: 'JVBERi0=' }, 'les octets du PDF sont attendus'],
    ];
    for (const [payload, reason] of refusals) {
      expect(await print(trusted, payload)).toEqual({
        ok: false,
        error: {
          code: 'invalid-payload',
          message: `Données invalides pour files:printPdf : ${reason}`,
        },
      });
    }
    expect(seen).toEqual([]);
    expect(await print(trusted, { title: 'BI-1', bytes: pdf(PRINT_PDF_MAX_BYTES) })).toMatchObject({
      ok: true,
    });
  });

  it('turns a handler exception into a result with a French message', async () => {
    const { registered } = setup();
    const result = await registered.get('backups:read')!(from('app://bordereau/index.html'), {
      name: 'a.json',
    });
    expect(result).toEqual({
      ok: false,
      error: { code: 'io', message: 'Erreur de l’application de bureau : disque plein' },
    });
  });
});
