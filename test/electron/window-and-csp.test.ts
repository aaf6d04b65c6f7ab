import { describe, expect, it } from 'vitest';
import { mainWindowOptions } from '../../electron/window-options';
import { PRODUCTION_CSP } from '../../electron/csp';

describe('main window options', () => {
  it('keeps every security default on', () => {
    const prefs = mainWindowOptions('/app/preload.cjs').webPreferences;
    expect(prefs).toMatchObject({
      preload: '/app/preload.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
    });
  });
});

describe('production Content-Security-Policy', () => {
  it('is exactly the reviewed policy', () => {
    expect(PRODUCTION_CSP).toBe(
      "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; " +
        "media-src 'self' blob: mediastream:; font-src 'self'; " +
        "connect-src 'self' https: http://127.0.0.1:* http://localhost:*; worker-src 'self' blob:; " +
        "manifest-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'; frame-src 'none'; " +
        "frame-ancestors 'none'",
    );
  });

  it('allows no inline or evaluated script', () => {
    expect(PRODUCTION_CSP).not.toMatch(/unsafe-inline|unsafe-eval|wasm-unsafe-eval/);
  });
});
