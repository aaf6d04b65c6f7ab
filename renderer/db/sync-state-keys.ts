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
  /**
   * Set by a backup restore on a laptop that had synced: report numbers issued after the
   * backup may exist on the server, so none is issued until a full pull has brought them.
   */
  restoredUnsynced: 'restoredUnsynced',
} as const;
