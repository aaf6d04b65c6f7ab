import { describe, expect, it } from 'vitest';
import { defaultContractId } from '../../../../shared/billing/default-contract';
import { visitFromJob } from '../../../../renderer/use-cases/today/visit-from-job';
import { contract, ids, job, request } from './today-fixtures';

const arrival = { representativeName: '  ', representativeRole: '', clientConfirmedBackup: false };

describe('the visit a job starts', () => {
  it('is remote for an urgent request answered remotely, and names no representative when none is given', () => {
    const visit = visitFromJob(
      job(),
      request({ urgency: 'urgent', urgentMode: 'remote' }),
      [contract],
      arrival,
    );
    expect(visit.header).toMatchObject({ mode: 'remote', urgency: 'urgent', representative: null });
  });

  it('makes complementary work an installation outside the subscription', () => {
    const visit = visitFromJob(
      job(),
      request({ kind: 'complementary', slaClass: 'none' }),
      [contract],
      arrival,
    );
    expect(visit.header).toMatchObject({ type: 'installation', includedInSubscription: false });
  });

  it('bills a client without contract at the default rates, never within a subscription', () => {
    const visit = visitFromJob(job(), request({ kind: 'planned-visit' }), [], arrival);
    expect(visit.contractId).toBe(defaultContractId(ids.client));
    expect(visit.header.includedInSubscription).toBe(false);
  });

  it('refuses a representative’s name too long, in French', () => {
    expect(() =>
      visitFromJob(job(), request(), [contract], {
        ...arrival,
        representativeName: 'x'.repeat(201),
      }),
    ).toThrow('200 caractères au plus.');
  });
});
