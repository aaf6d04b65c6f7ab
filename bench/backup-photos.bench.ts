/**
 * A disk copy of a database holding many photos, through the shell's real backup handlers
 * on a temporary folder (renderer/db/backup.ts → electron/handlers/backups.ts, called
 * directly rather than over IPC). The database is fake-indexeddb (slower than Chromium's).
 * - first copy: every photo hashed and written as its own file, the JSON written;
 * - second copy: nothing new, so no photo is sent again;
 * - restore into an empty database, every photo read back from its file.
 * Before format 2 this copy was one JSON string with every photo in base64, which V8 refuses
 * near 512 MB of text (~380 MB of photos).
 * Run: `npx tsx bench/backup-photos.bench.ts` (BENCH_PHOTOS=1500 by default, 270 kB each).
 */
import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { backupHandlers } from '../electron/handlers/backups';
import {
  loadBackupFiles,
  parseBackup,
  restoreBackup,
  writeBackupToDisk,
} from '../renderer/db/backup';
import { BordereauDb } from '../renderer/db/database';
import { saveAttachment } from '../renderer/db/repositories/attachments';

const PHOTOS = Number(process.env.BENCH_PHOTOS ?? 1500);
const PHOTO_BYTES = 270_000;
const secs = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;

const dir = mkdtempSync(join(tmpdir(), 'bordereau-bench-backups-'));
try {
  const shell = backupHandlers({ dir });
  const db = new BordereauDb('bench-photos', { indexedDB: new IDBFactory(), IDBKeyRange });
  await db.open();
  for (let i = 0; i < PHOTOS; i++) {
    const bytes = new Uint8Array(PHOTO_BYTES);
    new DataView(bytes.buffer).setUint32(0, i);
    bytes[PHOTO_BYTES - 1] = i % 251;
    await saveAttachment(db, {
      ownerId: `visit-${i % 50}`,
      clientId: 'c1',
      kind: 'photo',
      mimeType: 'image/jpeg',
      fileName: `photo-${i}.jpg`,
      createdAt: i,
      bytes,
    });
  }
  console.log(`${PHOTOS} photos, ${mb(PHOTOS * PHOTO_BYTES)} in the database`);

  let t = performance.now();
  const first = await writeBackupToDisk(db, shell, {
    kind: 'quotidienne',
    name: 'bordereau-quotidienne-1.json',
    appVersion: 'bench',
    now: Date.now(),
  });
  if (!first.ok) throw new Error(first.error.message);
  const jsonBytes = statSync(join(dir, 'bordereau-quotidienne-1.json')).size;
  console.log(
    `first copy: ${secs(performance.now() - t)}, JSON ${(jsonBytes / 1024).toFixed(0)} kB, ` +
      `${readdirSync(join(dir, 'fichiers')).length} photo files`,
  );

  let sent = 0;
  const counting = {
    ...shell,
    writeBackupFile: (req: Parameters<typeof shell.writeBackupFile>[0]) => (
      sent++,
      shell.writeBackupFile(req)
    ),
  };
  t = performance.now();
  await writeBackupToDisk(db, counting, {
    kind: 'apres-signature',
    name: 'bordereau-apres-signature-2.json',
    appVersion: 'bench',
    now: Date.now(),
  });
  console.log(`second copy (nothing new): ${secs(performance.now() - t)}, ${sent} photo sent`);

  t = performance.now();
  const read = await shell.readBackup({ name: 'bordereau-quotidienne-1.json' });
  if (!read.ok) throw new Error(read.error.message);
  const backup = parseBackup(read.value);
  const target = new BordereauDb('bench-restore', { indexedDB: new IDBFactory(), IDBKeyRange });
  const restored = await restoreBackup(target, backup, await loadBackupFiles(backup, shell));
  console.log(`restore: ${secs(performance.now() - t)}, ${restored.records} records`);
  console.log(`peak RSS: ${mb(process.resourceUsage().maxRSS * 1024)}`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
