import type { IpcName } from './ipc';

/**
 * Channel names, `area:verb`. Kept apart from the schemas in ipc.ts so the sandboxed
 * preload bundles these few strings and not the validation library.
 */
export const IPC_CHANNELS = {
  appInfo: 'app:info',
  savePdf: 'files:savePdf',
  printPdf: 'files:printPdf',
  openPath: 'files:openPath',
  getSecret: 'secrets:get',
  setSecret: 'secrets:set',
  deleteSecret: 'secrets:delete',
  secretStatus: 'secrets:status',
  writeBackup: 'backups:write',
  listBackups: 'backups:list',
  readBackup: 'backups:read',
  missingBackupFiles: 'backups:missingFiles',
  writeBackupFile: 'backups:writeFile',
  readBackupFile: 'backups:readFile',
  listVersionSnapshots: 'backups:listSnapshots',
  checkForUpdates: 'updates:check',
  installUpdate: 'updates:install',
} as const satisfies Record<IpcName, `${string}:${string}`>;
