/**
 * Which local backups to keep, decided in main (the renderer only writes): one rule for
 * every kind of copy let twenty signatures push out the copy made before an upgrade, and a
 * buggy renderer push out every good copy. Tiers:
 * - version-change copies: the newest VERSION_KEPT, whatever else is written;
 * - other copies (daily, after a signature): the newest RECENT_KEPT, plus the newest of each
 *   of the last WEEKS_KEPT weeks, so a burst of bad copies cannot reach last month's;
 * - a byte cap over the copies (photos are shared files, counted apart): over it, the
 *   oldest go first, weekly before recent before version copies, never the newest of a tier.
 */
export type BackupTier = 'version' | 'rolling';
export type BackupEntry = { name: string; size: number; modifiedAt: number };
export type RetentionPolicy = {
  versionKept: number;
  recentKept: number;
  weeksKept: number;
  maxBytes: number;
};

export const DEFAULT_RETENTION: RetentionPolicy = {
  versionKept: 5,
  recentKept: 10,
  weeksKept: 12,
  maxBytes: 2 * 1024 ** 3,
};

/** The file name prefix of each kind of copy; the renderer's names start with one of them. */
export const BACKUP_KIND_PREFIX = {
  'avant-changement': 'bordereau-avant-changement-',
  quotidienne: 'bordereau-quotidienne-',
  'apres-signature': 'bordereau-apres-signature-',
} as const;

export function tierOf(name: string): BackupTier {
  return name.startsWith(BACKUP_KIND_PREFIX['avant-changement']) ? 'version' : 'rolling';
}

const WEEK_MS = 7 * 24 * 3600 * 1000;
/** Weeks start on Monday (1970-01-01 was a Thursday: shift by 3 days). */
const weekOf = (ms: number) => Math.floor((ms + 3 * 24 * 3600 * 1000) / WEEK_MS);

/** The names to delete, oldest first. Pure: `now` decides which weeks count. */
export function planRetention(
  entries: readonly BackupEntry[],
  now: number,
  policy: RetentionPolicy = DEFAULT_RETENTION,
): string[] {
  const newestFirst = [...entries].sort(
    (a, b) => b.modifiedAt - a.modifiedAt || b.name.localeCompare(a.name),
  );
  const versions = newestFirst.filter((e) => tierOf(e.name) === 'version');
  const rolling = newestFirst.filter((e) => tierOf(e.name) === 'rolling');

  const keptVersions = versions.slice(0, policy.versionKept);
  const recent = rolling.slice(0, policy.recentKept);
  const recentNames = new Set(recent.map((e) => e.name));
  const weekly: BackupEntry[] = [];
  const weeksSeen = new Set<number>();
  const oldestWeek = weekOf(now) - policy.weeksKept + 1;
  for (const entry of rolling) {
    const week = weekOf(entry.modifiedAt);
    if (week < oldestWeek || weeksSeen.has(week)) continue;
    weeksSeen.add(week);
    if (!recentNames.has(entry.name)) weekly.push(entry);
  }

  // Under the cap, oldest first: weekly, then recent, then version copies; the newest copy
  // of each tier always stays.
  const kept = new Set([...keptVersions, ...recent, ...weekly].map((e) => e.name));
  let total = newestFirst.filter((e) => kept.has(e.name)).reduce((sum, e) => sum + e.size, 0);
  const evictable = [
    ...[...weekly].reverse(),
    ...recent.slice(1).reverse(),
    ...keptVersions.slice(1).reverse(),
  ];
  for (const entry of evictable) {
    if (total <= policy.maxBytes) break;
    kept.delete(entry.name);
    total -= entry.size;
  }
  return newestFirst
    .filter((e) => !kept.has(e.name))
    .reverse()
    .map((e) => e.name);
}
