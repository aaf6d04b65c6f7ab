import { describe, expect, it } from 'vitest';
import { contractSchema } from '../../../shared/billing/contract';
import { contractCopyRecipients, mergeRecipients } from '../../../shared/report/copy-recipients';

const contacts = [
  { id: 'c1', email: 'it@lefevre.example' },
  { id: 'c2', email: 'direction@lefevre.example' },
  { id: 'c3', email: '' },
  { id: 'c4', email: 'ancien@lefevre.example', deleted: true },
];

describe('the copies’ recipients', () => {
  it('are the addresses of the contacts the contract names, skipping deleted or address-less ones', () => {
    expect(
      contractCopyRecipients({ copyRecipientContactIds: ['c1', 'c3', 'c4', 'unknown'] }, contacts),
    ).toEqual(['it@lefevre.example']);
    expect(contractCopyRecipients(null, contacts)).toEqual([]);
  });

  it('merge the site’s addresses with the contract’s, each once whatever its case', () => {
    expect(
      mergeRecipients(
        ['Signataire@Lefevre.example', ' it@lefevre.example'],
        ['IT@lefevre.example'],
      ),
    ).toEqual(['Signataire@Lefevre.example', 'it@lefevre.example']);
  });

  it('is an optional contract field: none by default, at most 20', () => {
    const base = {
      id: 'k1',
      clientId: 'c',
      reference: 'CT-1',
      startsOn: '2026-01-01',
      hourlyRateCents: 9_000,
      coverage: { kind: 'all' },
      articles: {},
    };
    const parsed = contractSchema.safeParse(base);
    if (!parsed.success) throw parsed.error;
    expect(parsed.data.copyRecipientContactIds).toEqual([]);
    expect(
      contractSchema.safeParse({ ...base, copyRecipientContactIds: Array(21).fill('x') }).success,
    ).toBe(false);
  });
});
