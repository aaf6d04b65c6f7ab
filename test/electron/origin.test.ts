import { describe, expect, it } from 'vitest';
import {
  APP_ORIGIN,
  DEV_ORIGIN,
  isSafeExternalUrl,
  isTrustedUrl,
  trustedOrigins,
} from '../../electron/origin';

describe('trusted origins', () => {
  it('trusts the dev server only when unpackaged', () => {
    expect(trustedOrigins(true)).toEqual([APP_ORIGIN]);
    expect(trustedOrigins(false)).toEqual([APP_ORIGIN, DEV_ORIGIN]);
  });

  it.each([
    ['app://bordereau/index.html', true],
    ['app://bordereau/#/clients', true],
    ['app://bordereau.evil.com/index.html', false],
    ['app://evil/index.html', false],
    ['app://user:pw@bordereau/index.html', false],
    ['http://127.0.0.1:5173/', false],
    ['https://bordereau/', false],
    ['file:///etc/passwd', false],
    ['javascript:alert(1)', false],
    ['not a url', false],
    ['', false],
  ])('%s trusted in production: %s', (url, expected) => {
    expect(isTrustedUrl(url, trustedOrigins(true))).toBe(expected);
  });

  it('accepts the fixed dev origin, and no other port, in development', () => {
    expect(isTrustedUrl('http://127.0.0.1:5173/#/clients', trustedOrigins(false))).toBe(true);
    expect(isTrustedUrl('http://127.0.0.1:5174/', trustedOrigins(false))).toBe(false);
    expect(isTrustedUrl('http://localhost:5173/', trustedOrigins(false))).toBe(false);
  });

  it.each([
    ['https://www.example.fr/aide', true],
    ['http://www.example.fr/', false],
    ['https://user:pw@example.fr/', false],
    ['file:///home/tech/x.pdf', false],
    ['smb://nas/share', false],
    ['javascript:alert(1)', false],
  ])('external link %s may open in the system browser: %s', (url, expected) => {
    expect(isSafeExternalUrl(url)).toBe(expected);
  });
});
