// @vitest-environment happy-dom
import { act, cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type * as Banner from '../../../renderer/app/UpdateBanner';
import type * as AppUpdate from '../../../renderer/platform/app-update';

type Modules = { banner: typeof Banner; update: typeof AppUpdate };
let m: Modules;

beforeEach(async () => {
  vi.resetModules();
  m = {
    banner: await import('../../../renderer/app/UpdateBanner'),
    update: await import('../../../renderer/platform/app-update'),
  };
});
afterEach(() => cleanup());

describe('UpdateBanner', () => {
  it('shows nothing until a new version waits, then installs it when the user asks', async () => {
    const { UpdateBanner } = m.banner;
    render(<UpdateBanner />);
    expect(screen.queryByRole('region', { name: 'Nouvelle version' })).toBeNull();

    let finish: () => void = () => undefined;
    const install = vi.fn(() => new Promise<void>((done) => (finish = done)));
    act(() => m.update.offerAppUpdate(install));
    const region = screen.getByRole('region', { name: 'Nouvelle version' });
    expect(region.textContent).toContain('Une nouvelle version de Bordereau est prête.');
    expect(install).not.toHaveBeenCalled();

    await userEvent.click(screen.getByRole('button', { name: 'Mettre à jour maintenant' }));
    expect(install).toHaveBeenCalledTimes(1);
    // Until the page reloads on the new version.
    expect(
      (screen.getByRole('button', { name: 'Mise à jour…' }) as HTMLButtonElement).disabled,
    ).toBe(true);
    await act(async () => finish());
  });

  it('says why an update failed and lets the user try again', async () => {
    const { UpdateBanner } = m.banner;
    render(<UpdateBanner />);
    act(() => m.update.offerAppUpdate(() => Promise.reject(new Error('réseau coupé'))));
    await userEvent.click(screen.getByRole('button', { name: 'Mettre à jour maintenant' }));
    expect((await screen.findByRole('alert')).textContent).toBe(
      'Mise à jour impossible : réseau coupé',
    );
    expect(
      (screen.getByRole('button', { name: 'Mettre à jour maintenant' }) as HTMLButtonElement)
        .disabled,
    ).toBe(false);
  });
});
