import { describe, expect, it } from 'vitest';
import { tokenProtectionWarning } from '../../../../renderer/features/settings/token-protection';
import type { DesktopApi, IpcResult } from '../../../../shared/ipc';

const status = (
  value: IpcResult<{ stored: boolean; encrypted: boolean | null }>,
): Pick<DesktopApi, 'secretStatus'> => ({ secretStatus: async () => value });

describe('the unencrypted-token warning', () => {
  it('warns in the shell when the token is stored without a keychain', async () => {
    expect(
      await tokenProtectionWarning(
        status({ ok: true, value: { stored: true, encrypted: false } }),
        true,
      ),
    ).toMatch(/sans chiffrement.*trousseau/);
  });

  it('warns in a browser, where the token is always in clear', async () => {
    expect(
      await tokenProtectionWarning(
        status({ ok: true, value: { stored: true, encrypted: false } }),
        false,
      ),
    ).toMatch(/navigateur/);
  });

  it('says nothing when the token is encrypted or absent', async () => {
    expect(
      await tokenProtectionWarning(
        status({ ok: true, value: { stored: true, encrypted: true } }),
        true,
      ),
    ).toBeNull();
    expect(
      await tokenProtectionWarning(
        status({ ok: true, value: { stored: false, encrypted: null } }),
        true,
      ),
    ).toBeNull();
  });

  it('reports a failure to tell', async () => {
    expect(
      await tokenProtectionWarning(
        status({ ok: false, error: { code: 'io', message: 'verrouillé' } }),
        true,
      ),
    ).toMatch(/inconnu : verrouillé/);
  });
});
