import type { MenuItemConstructorOptions } from 'electron';
import { APP_NAME } from './identity';

/**
 * The application menu, in French and minimal. Electron's default menu carries "Toggle
 * Developer Tools" and "Reload": with DevTools, anyone at the laptop could read the decrypted
 * token from the console. Packaged builds get no developer entry at all; development keeps
 * reload and DevTools. Edition roles stay: without them the keyboard shortcuts for copy and
 * paste stop working on macOS.
 */
export function appMenuTemplate(options: {
  isPackaged: boolean;
  platform: NodeJS.Platform;
}): MenuItemConstructorOptions[] {
  const mac = options.platform === 'darwin';
  const menu: MenuItemConstructorOptions[] = [];
  if (mac) {
    menu.push({
      label: APP_NAME,
      submenu: [
        { role: 'about', label: `À propos de ${APP_NAME}` },
        { type: 'separator' },
        { role: 'hide', label: `Masquer ${APP_NAME}` },
        { role: 'hideOthers', label: 'Masquer les autres' },
        { role: 'unhide', label: 'Tout afficher' },
        { type: 'separator' },
        { role: 'quit', label: `Quitter ${APP_NAME}` },
      ],
    });
  } else {
    menu.push({ label: 'Fichier', submenu: [{ role: 'quit', label: 'Quitter' }] });
  }
  menu.push({
    label: 'Édition',
    submenu: [
      { role: 'undo', label: 'Annuler' },
      { role: 'redo', label: 'Rétablir' },
      { type: 'separator' },
      { role: 'cut', label: 'Couper' },
      { role: 'copy', label: 'Copier' },
      { role: 'paste', label: 'Coller' },
      { role: 'selectAll', label: 'Tout sélectionner' },
    ],
  });
  const view: MenuItemConstructorOptions[] = [
    { role: 'resetZoom', label: 'Taille réelle' },
    { role: 'zoomIn', label: 'Zoom avant' },
    { role: 'zoomOut', label: 'Zoom arrière' },
    { type: 'separator' },
    { role: 'togglefullscreen', label: 'Plein écran' },
  ];
  if (!options.isPackaged) {
    view.push(
      { type: 'separator' },
      { role: 'reload', label: 'Recharger' },
      { role: 'toggleDevTools', label: 'Outils de développement' },
    );
  }
  menu.push({ label: 'Affichage', submenu: view });
  menu.push({
    label: 'Fenêtre',
    submenu: [
      { role: 'minimize', label: 'Réduire' },
      mac ? { role: 'zoom', label: 'Agrandir' } : { role: 'close', label: 'Fermer' },
    ],
  });
  return menu;
}
