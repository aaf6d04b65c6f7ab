import { EventEmitter } from 'node:events';
import type { Session, WebContents } from 'electron';
import { describe, expect, it } from 'vitest';
import {
  hardenWebContents,
  isMediaRequestAllowed,
  isPermissionAllowed,
  restrictPermissions,
} from '../../electron/security';
import { trustedOrigins } from '../../electron/origin';

function fakeContents() {
  const emitter = new EventEmitter();
  let openHandler: ((details: { url: string }) => { action: string }) | null = null;
  const contents = Object.assign(emitter, {
    setWindowOpenHandler(handler: (details: { url: string }) => { action: string }) {
      openHandler = handler;
    },
  });
  return {
    // Only on() and setWindowOpenHandler() are used by hardenWebContents.
    contents: contents as unknown as WebContents,
    emitter,
    open: (url: string) => openHandler?.({ url }),
  };
}

function navigationEvent(url: string) {
  const event = {
    url,
    prevented: false,
    preventDefault() {
      event.prevented = true;
    },
  };
  return event;
}

describe('hardenWebContents', () => {
  const setup = () => {
    const fake = fakeContents();
    const opened: string[] = [];
    hardenWebContents(fake.contents, {
      origins: trustedOrigins(true),
      openExternal: (url) => opened.push(url),
    });
    return { ...fake, opened };
  };

  it('lets in-app navigation through', () => {
    const { emitter } = setup();
    const event = navigationEvent('app://bordereau/index.html#/clients');
    emitter.emit('will-navigate', event, event.url);
    expect(event.prevented).toBe(false);
  });

  it.each(['will-navigate', 'will-redirect'])(
    'blocks %s to any other origin, opening https ones outside',
    (name) => {
      const { emitter, opened } = setup();
      for (const url of [
        'https://phishing.example/login',
        'http://example.com/',
        'file:///etc/passwd',
        'app://other/',
      ]) {
        const event = navigationEvent(url);
        emitter.emit(name, event, url);
        expect(event.prevented, url).toBe(true);
      }
      expect(opened).toEqual(['https://phishing.example/login']);
    },
  );

  it('uses the legacy url argument when the event has none', () => {
    const { emitter } = setup();
    const event = {
      prevented: false,
      preventDefault() {
        event.prevented = true;
      },
    };
    emitter.emit('will-navigate', event, 'https://example.com/');
    expect(event.prevented).toBe(true);
  });

  it('denies every new window and hands https links to the system browser', () => {
    const { open, opened } = setup();
    expect(open('https://www.example.fr/doc')).toEqual({ action: 'deny' });
    expect(open('app://bordereau/index.html')).toEqual({ action: 'deny' });
    expect(open('javascript:alert(1)')).toEqual({ action: 'deny' });
    expect(opened).toEqual(['https://www.example.fr/doc']);
  });

  it('refuses to attach a <webview>', () => {
    const { emitter } = setup();
    const event = navigationEvent('');
    emitter.emit('will-attach-webview', event);
    expect(event.prevented).toBe(true);
  });
});

describe('permissions', () => {
  it('grants only the camera, persistent storage and the office network, only to our origin', () => {
    const origins = trustedOrigins(true);
    for (const permission of [
      'media',
      'persistent-storage',
      'local-network-access',
      'local-network',
      'loopback-network',
    ]) {
      expect(isPermissionAllowed(permission, 'app://bordereau/index.html', origins)).toBe(true);
      expect(isPermissionAllowed(permission, 'https://evil.example/', origins)).toBe(false);
      expect(isPermissionAllowed(permission, 'http://127.0.0.1:5173/', origins)).toBe(false);
    }
    for (const permission of [
      'geolocation',
      'notifications',
      'clipboard-read',
      'openExternal',
      'midi',
    ]) {
      expect(isPermissionAllowed(permission, 'app://bordereau/index.html', origins)).toBe(false);
    }
  });

  it('grants the camera alone: camera with microphone, and microphone alone, are refused', () => {
    type RequestHandler = (
      contents: { getURL(): string },
      permission: string,
      callback: (granted: boolean) => void,
      details: { requestingUrl: string; mediaTypes?: string[] },
    ) => void;
    type CheckHandler = (
      contents: null,
      permission: string,
      origin: string,
      details: { mediaType?: string },
    ) => boolean;
    let request: RequestHandler | null = null;
    let check: CheckHandler | null = null;
    const session = {
      setPermissionRequestHandler: (h: RequestHandler) => (request = h),
      setPermissionCheckHandler: (h: CheckHandler) => (check = h),
    } as unknown as Session;
    restrictPermissions(session, trustedOrigins(true));
    const ask = (
      permission: string,
      mediaTypes: string[] | undefined,
      url = 'app://bordereau/',
    ) => {
      let granted: boolean | null = null;
      request!({ getURL: () => url }, permission, (g) => (granted = g), {
        requestingUrl: url,
        ...(mediaTypes ? { mediaTypes } : {}),
      });
      return granted;
    };
    expect(ask('media', ['video'])).toBe(true);
    expect(ask('media', ['video', 'audio'])).toBe(false);
    expect(ask('media', ['audio'])).toBe(false);
    expect(ask('media', [])).toBe(false);
    expect(ask('media', undefined)).toBe(false);
    expect(ask('media', ['video'], 'https://evil.example/')).toBe(false);
    expect(ask('persistent-storage', undefined)).toBe(true);
    expect(ask('geolocation', undefined)).toBe(false);

    expect(check!(null, 'media', 'app://bordereau', { mediaType: 'video' })).toBe(true);
    expect(check!(null, 'media', 'app://bordereau', { mediaType: 'audio' })).toBe(false);
    expect(check!(null, 'media', 'https://evil.example', { mediaType: 'video' })).toBe(false);

    expect(isMediaRequestAllowed(['video'])).toBe(true);
    expect(isMediaRequestAllowed(['video', 'audio'])).toBe(false);
  });
});
