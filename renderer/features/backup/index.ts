// What other features and the app shell use of the backup feature.
export { BackupFailureNotice } from './BackupFailureNotice';
export { BackupPanel } from './BackupPanel';
