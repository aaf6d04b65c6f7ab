import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createAppProtocolHandler, resolveAppFile } from '../../electron/protocol';
import { PRODUCTION_CSP } from '../../electron/csp';

const root = mkdtempSync(join(tmpdir(), 'bordereau-protocol-'));
mkdirSync(join(root, 'assets'));
writeFileSync(join(root, 'index.html'), '<!doctype html><html lang="fr"></html>');
writeFileSync(join(root, 'assets', 'app.js'), 'console.log(1)');

describe('app:// protocol', () => {
  it('maps our URLs to files inside the renderer folder', () => {
    expect(resolveAppFile(root, 'app://bordereau/')).toBe(join(root, 'index.html'));
    expect(resolveAppFile(root, 'app://bordereau/assets/app.js?v=1#x')).toBe(
      join(root, 'assets', 'app.js'),
    );
  });

  it.each([
    'app://bordereau/../secret.txt',
    'app://bordereau/%2e%2e/%2e%2e/etc/passwd',
    'app://bordereau/..%2f..%2fetc%2fpasswd',
    'app://bordereau/assets/..%5c..%5c..%5cwindows',
  ])('never resolves %s outside the renderer folder', (url) => {
    const file = resolveAppFile(root, url);
    if (file !== null) expect(file.startsWith(root + '/')).toBe(true);
  });

  it.each([
    'app://bordereau/..%2f..%2fetc%2fpasswd',
    'app://bordereau/assets/%00.js',
    'app://other/index.html',
    'app://bordereau/%E0%A4%A',
  ])('refuses %s outright', (url) => {
    expect(resolveAppFile(root, url)).toBeNull();
  });

  it('serves files with their type and the production CSP header', async () => {
    const handle = createAppProtocolHandler(root);
    const response = await handle(new Request('app://bordereau/index.html'));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('content-security-policy')).toBe(PRODUCTION_CSP);
    expect(await response.text()).toContain('lang="fr"');
    expect(
      (await handle(new Request('app://bordereau/assets/app.js'))).headers.get('content-type'),
    ).toMatch(/javascript/);
  });

  it('answers 403 outside the root and 404 for a missing file', async () => {
    const handle = createAppProtocolHandler(root);
    expect((await handle(new Request('app://other/index.html'))).status).toBe(403);
    expect((await handle(new Request('app://bordereau/missing.js'))).status).toBe(404);
  });
});
