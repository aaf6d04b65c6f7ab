import { describe, expect, it } from 'vitest';
import { clientUsage } from '../../../shared/office/client-usage';
import { reviewRows } from '../../../shared/office/review-rows';
import { CLIENT_A, CLIENT_B, NAMES, signed } from './review-fixture';

describe('client usage', () => {
  it('recomputes the hour bank from signed interventions and counts planned visits against the contract', async () => {
    const year = 2026;
    const rows = reviewRows(
      [
        await signed(CLIENT_A, { billedMinutes: 120, type: 'planned-visit' }),
        await signed(CLIENT_A, { billedMinutes: 210, type: 'planned-visit', shiftDays: 3 }),
        await signed(CLIENT_A, { billedMinutes: 420, type: 'curative', shiftDays: 5 }),
        await signed(CLIENT_B, { billedMinutes: 60 }),
      ],
      [],
      NAMES,
    );
    const usage = clientUsage(
      rows,
      [
        {
          clientId: CLIENT_A,
          reference: 'CT-1',
          hourBank: { unit: 'hours', quantity: 10, startsOn: '2026-01-01', endsOn: null },
          subscriptionVisitsPerYear: 1,
        },
        { clientId: CLIENT_B, reference: 'CT-2', hourBank: null, subscriptionVisitsPerYear: null },
      ],
      NAMES,
      year,
    );
    expect(usage[0]).toMatchObject({
      clientName: 'ALLANCE SAS',
      billedMinutesThisYear: 750,
      plannedVisitsThisYear: 2,
      visitsPerYear: 1,
      visits: { rank: 2, beyondContract: true },
    });
    expect(usage[0]!.bank).toMatchObject({ initialMinutes: 600, balanceMinutes: 0 });
    expect(usage[0]!.bank!.entries.at(-1)).toMatchObject({
      billedMinutes: 420,
      deductedMinutes: 270,
      excessMinutes: 150,
    });
    expect(usage[1]).toMatchObject({ bank: null, visits: null, billedMinutesThisYear: 60 });
  });
});
