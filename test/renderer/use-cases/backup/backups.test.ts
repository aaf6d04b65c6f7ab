import { afterEach, describe, expect, it } from 'vitest';
import type { BordereauDb } from '../../../../renderer/db/database';
import {
  exportBackup,
  parseBackup,
  restoreFromBackup,
} from '../../../../renderer/use-cases/backup/backups';
import { saveClient } from '../../../../renderer/use-cases/clients/client-records';
import { freshDb } from '../../db/fresh-db';
import { testDeps } from '../deps';

const dbs: BordereauDb[] = [];
afterEach(() => dbs.splice(0).forEach((d) => d.close()));

/**
 * The shell's answers the backup use cases need: the app's version, no disk files. Only the
 * fields they read, hence the casts at the call sites (the shell's answer types are wider).
 */
const desktop = {
  appInfo: async () => ({ ok: true as const, value: { version: '1.4.2' } }),
  readBackupFile: async () => ({
    ok: false as const,
    error: { code: 'not_found' as const, message: 'Fichier absent.' },
  }),
};

describe('backups', () => {
  it('exports the base stamped with the app’s version and restores it elsewhere', async () => {
    const source = freshDb();
    const target = freshDb();
    dbs.push(source, target);
    await saveClient(testDeps(source), { fields: { name: 'ALLANCE' } });
    const json = await exportBackup({ db: source, desktop: desktop as never });
    const backup = parseBackup(json);
    expect(backup.appVersion).toBe('1.4.2');
    const records = await restoreFromBackup({ db: target, desktop: desktop as never }, backup);
    expect(records).toBeGreaterThanOrEqual(2);
    expect((await target.clients.toArray()).map((c) => c.name)).toEqual(['ALLANCE']);
  });

  it('refuses a file that is not a backup and changes nothing', () => {
    expect(() => parseBackup('{"pas":"une sauvegarde"}')).toThrow();
  });
});
