import { describe, expect, it } from 'vitest';
import { DebugLogger } from 'builder-util';
// electron-builder's own loader and schema (the ones `npm run dist` uses), so a key it does
// not know fails here rather than on the release machine.
import { getConfig, validateConfiguration } from 'app-builder-lib/out/util/config/config';

const load = async (file: string) => {
  const config = await getConfig(process.cwd(), file, null);
  await validateConfiguration(config, new DebugLogger(false));
  return config;
};

describe('electron-builder configuration', () => {
  it('is valid, publishes for the generic provider, builds dmg and zip for Intel and Apple silicon', async () => {
    const config = await load('electron-builder.yml');
    expect(config.publish).toMatchObject({ provider: 'generic' });
    expect(config.mac?.target).toEqual([
      { target: 'dmg', arch: ['x64', 'arm64'] },
      { target: 'zip', arch: ['x64', 'arm64'] },
    ]);
    expect(config.mac).toMatchObject({ hardenedRuntime: true, notarize: true });
    expect(config.mac?.identity).toBeUndefined();
    expect(config.win).toMatchObject({
      verifyUpdateCodeSignature: true,
      signtoolOptions: { signingHashAlgorithms: ['sha256'] },
    });
    expect(config.nsis).toMatchObject({ deleteAppDataOnUninstall: false });
    expect(config.electronFuses).toMatchObject({
      runAsNode: false,
      onlyLoadAppFromAsar: true,
      enableEmbeddedAsarIntegrityValidation: true,
    });
  });

  it('the unsigned variant signs ad hoc on macOS (Apple silicon launches it) and skips Windows signing', async () => {
    const config = await load('electron-builder.unsigned.yml');
    expect(config.mac).toMatchObject({ identity: '-', hardenedRuntime: false, notarize: false });
    expect(config.win).toMatchObject({ signtoolOptions: null, verifyUpdateCodeSignature: false });
    // Everything else comes from the main file.
    expect(config.mac?.target).toHaveLength(2);
    expect(config.appId).toBe('fr.bordereau.app');
    expect(config.productName).toBe('Bordereau');
  });
});
