import { describe, expect, it } from 'vitest';
import { planRetention, type BackupEntry } from '../../electron/backup-retention';

const DAY = 24 * 3600 * 1000;
const NOW = Date.UTC(2026, 10, 30, 12); // a Monday
const entry = (name: string, daysAgo: number, size = 100): BackupEntry => ({
  name,
  size,
  modifiedAt: NOW - daysAgo * DAY,
});
const policy = { versionKept: 2, recentKept: 3, weeksKept: 4, maxBytes: 1_000_000 };

describe('backup retention tiers', () => {
  it('keeps the version-change copies however many signatures follow', () => {
    const entries = [
      entry('bordereau-avant-changement-v0.1.0-a.json', 10),
      ...Array.from({ length: 30 }, (_, i) =>
        entry(`bordereau-apres-signature-${String(i).padStart(2, '0')}.json`, i / 100),
      ),
    ];
    expect(planRetention(entries, NOW, policy)).not.toContain(
      'bordereau-avant-changement-v0.1.0-a.json',
    );
  });

  it('keeps only the newest few version copies', () => {
    const entries = [
      entry('bordereau-avant-changement-1.json', 30),
      entry('bordereau-avant-changement-2.json', 20),
      entry('bordereau-avant-changement-3.json', 10),
    ];
    expect(planRetention(entries, NOW, policy)).toEqual(['bordereau-avant-changement-1.json']);
  });

  it('keeps one copy per week beyond the recent ones: a burst of copies cannot push them out', () => {
    const entries = [
      entry('bordereau-quotidienne-w3a.json', 22),
      entry('bordereau-quotidienne-w3b.json', 21),
      entry('bordereau-quotidienne-w2.json', 14),
      entry('bordereau-quotidienne-w1.json', 7),
      entry('bordereau-quotidienne-w9.json', 70), // older than the weeks kept
      // A buggy renderer writes a burst today.
      ...Array.from({ length: 8 }, (_, i) =>
        entry(`bordereau-apres-signature-${i}.json`, i / 1000),
      ),
    ];
    const deleted = planRetention(entries, NOW, policy);
    expect(deleted).toEqual([
      'bordereau-quotidienne-w9.json',
      'bordereau-quotidienne-w3a.json',
      'bordereau-apres-signature-7.json',
      'bordereau-apres-signature-6.json',
      'bordereau-apres-signature-5.json',
      'bordereau-apres-signature-4.json',
      'bordereau-apres-signature-3.json',
    ]);
  });

  it('applies the byte cap, oldest weekly first, never the newest copy of a tier', () => {
    const entries = [
      entry('bordereau-avant-changement-old.json', 40, 500),
      entry('bordereau-avant-changement-new.json', 5, 500),
      entry('bordereau-quotidienne-w2.json', 14, 400),
      entry('bordereau-quotidienne-today.json', 0, 400),
    ];
    expect(planRetention(entries, NOW, { ...policy, maxBytes: 1400 })).toEqual([
      'bordereau-quotidienne-w2.json',
    ]);
    expect(planRetention(entries, NOW, { ...policy, maxBytes: 10 })).toEqual([
      'bordereau-avant-changement-old.json',
      'bordereau-quotidienne-w2.json',
    ]);
  });
});
