import { describe, expect, it } from 'vitest';
import { shouldRegisterServiceWorker } from '../../../renderer/platform/service-worker-policy';

describe('shouldRegisterServiceWorker', () => {
  it('registers the offline cache in a plain browser running the production build', () => {
    expect(
      shouldRegisterServiceWorker({ shell: 'browser', production: true, supported: true }),
    ).toBe(true);
  });

  it.each([
    [
      'the desktop shell (app://, files on disk)',
      { shell: 'desktop', production: true, supported: true },
    ],
    ['the shell without its API', { shell: 'missing', production: true, supported: true }],
    ['Vite’s dev server', { shell: 'browser', production: false, supported: true }],
    ['a browser without service workers', { shell: 'browser', production: true, supported: false }],
  ] as const)('never in %s', (_label, env) => {
    expect(shouldRegisterServiceWorker(env)).toBe(false);
  });
});
