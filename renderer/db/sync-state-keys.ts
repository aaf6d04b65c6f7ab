/**
 * Keys of the `syncState` table. Declared in the database layer because the backup restore
 * writes them too (renderer/db/backup.ts); the sync engine owns their meaning.
 */
export const SYNC_STATE_KEYS = {
  cursor: 'cursor',
  resync: 'resync',
  pushedThrough: 'pushedThrough',
  scope: 'scope',
  lastSuccessAt: 'lastSuccessAt',
  conflicted: 'conflicted',
  rejections: 'rejections',
} as const;
