import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it } from 'vitest';
import { appMenuTemplate } from '../../electron/app-menu';

const roles = (items: MenuItemConstructorOptions[]): string[] =>
  items.flatMap((item) => [
    ...(item.role ? [item.role] : []),
    ...(Array.isArray(item.submenu) ? roles(item.submenu) : []),
  ]);
const labels = (items: MenuItemConstructorOptions[]): string[] =>
  items.flatMap((item) => [
    ...(item.label ? [item.label] : []),
    ...(Array.isArray(item.submenu) ? labels(item.submenu) : []),
  ]);

describe('application menu', () => {
  it.each(['linux', 'win32', 'darwin'] as const)(
    'has no DevTools nor reload when packaged (%s)',
    (platform) => {
      const menu = appMenuTemplate({ isPackaged: true, platform });
      expect(roles(menu)).not.toContain('toggleDevTools');
      expect(roles(menu)).not.toContain('reload');
      expect(roles(menu)).not.toContain('forceReload');
      expect(roles(menu)).toEqual(expect.arrayContaining(['quit', 'copy', 'paste', 'undo']));
    },
  );

  it('keeps DevTools in development', () => {
    expect(roles(appMenuTemplate({ isPackaged: false, platform: 'linux' }))).toContain(
      'toggleDevTools',
    );
  });

  it('speaks French', () => {
    const menu = appMenuTemplate({ isPackaged: true, platform: 'win32' });
    expect(menu.map((m) => m.label)).toEqual(['Fichier', 'Édition', 'Affichage', 'Fenêtre']);
    expect(labels(menu)).toEqual(expect.arrayContaining(['Quitter', 'Copier', 'Coller']));
    expect(appMenuTemplate({ isPackaged: true, platform: 'darwin' })[0]!.label).toBe('Bordereau');
  });
});
