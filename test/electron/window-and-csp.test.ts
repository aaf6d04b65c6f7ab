import { describe, expect, it } from 'vitest';
import { mainWindowOptions } from '../../electron/window-options';
import { contentSecurityPolicy, DEVELOPMENT_CSP, PRODUCTION_CSP } from '../../electron/csp';

describe('main window options', () => {
  it('keeps every security default on', () => {
    const prefs = mainWindowOptions('/app/preload.cjs', { isPackaged: true }).webPreferences;
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

  it('turns DevTools off when packaged, on in development', () => {
    expect(mainWindowOptions('/p', { isPackaged: true }).webPreferences?.devTools).toBe(false);
    expect(mainWindowOptions('/p', { isPackaged: false }).webPreferences?.devTools).toBe(true);
  });
});

describe('production Content-Security-Policy', () => {
  it('is exactly the reviewed policy', () => {
    expect(PRODUCTION_CSP).toBe(
      "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; " +
        "media-src 'self' blob: mediastream:; font-src 'self'; " +
        "connect-src 'self' https:; worker-src 'self' blob:; " +
        "manifest-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'; frame-src 'none'; " +
        "frame-ancestors 'none'",
    );
  });

  it('allows no inline or evaluated script', () => {
    expect(PRODUCTION_CSP).not.toMatch(/unsafe-inline|unsafe-eval|wasm-unsafe-eval/);
    expect(DEVELOPMENT_CSP).not.toMatch(/unsafe-inline|unsafe-eval|wasm-unsafe-eval/);
  });

  it('allows plain http to loopback in development only', () => {
    expect(PRODUCTION_CSP).not.toMatch(/http:/);
    expect(contentSecurityPolicy(true)).toBe(PRODUCTION_CSP);
    expect(contentSecurityPolicy(false)).toBe(DEVELOPMENT_CSP);
    expect(DEVELOPMENT_CSP).toBe(
      PRODUCTION_CSP.replace(
        "connect-src 'self' https:",
        "connect-src 'self' https: http://127.0.0.1:* http://localhost:*",
      ),
    );
  });
});
