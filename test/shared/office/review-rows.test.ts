import { describe, expect, it } from 'vitest';
import { uuidv7 } from 'uuidv7';
import type { Report } from '../../../shared/report/model';
import { filterRows, NO_FILTERS, reviewRows } from '../../../shared/office/review-rows';
import { draftReport, plain } from '../../server/report-fixture';
import { CLIENT_A, CLIENT_B, NAMES, signed } from './review-fixture';

describe('office review rows', () => {
  it('lists the latest version per intervention with its status, and filters by technician, client, period and status', async () => {
    const a1 = await signed(CLIENT_A);
    const a2 = await signed(CLIENT_A, {
      technician: { name: 'Marie Curie', code: 'MC' },
      shiftDays: 10,
    });
    const b1 = await signed(CLIENT_B, { shiftDays: 20 });
    const draft = {
      id: uuidv7(),
      interventionId: uuidv7(),
      clientId: CLIENT_B,
      report: plain(draftReport(uuidv7())) as Report,
    };
    // A correction (version 2, still a draft) supersedes the signed version 1 of a1.
    const a1v2Report = plain(draftReport(uuidv7())) as Report;
    Object.assign(a1v2Report.content.version, { number: 2 });
    const a1v2 = {
      id: uuidv7(),
      interventionId: a1.interventionId,
      clientId: CLIENT_A,
      report: a1v2Report,
    };
    const rows = reviewRows(
      [a1, a2, b1, draft, a1v2],
      [{ id: a2.interventionId, invoicedAt: 5 }],
      NAMES,
    );
    expect(rows).toHaveLength(4);
    expect(rows.find((r) => r.interventionId === a1.interventionId)).toMatchObject({
      version: 2,
      status: 'draft',
    });
    expect(rows.find((r) => r.interventionId === a2.interventionId)).toMatchObject({
      status: 'invoiced',
      technicianCode: 'MC',
      clientName: 'ALLANCE SAS',
    });
    expect(rows.find((r) => r.interventionId === b1.interventionId)).toMatchObject({
      status: 'signed',
    });

    expect(
      filterRows(rows, { ...NO_FILTERS, technicianCode: 'MC' }).map((r) => r.interventionId),
    ).toEqual([a2.interventionId]);
    expect(filterRows(rows, { ...NO_FILTERS, clientId: CLIENT_B })).toHaveLength(2);
    expect(
      filterRows(rows, { ...NO_FILTERS, status: 'signed' }).map((r) => r.interventionId),
    ).toEqual([b1.interventionId]);
    const first = rows.find((r) => r.interventionId === a2.interventionId)!.issuedOn;
    expect(
      filterRows(rows, { ...NO_FILTERS, from: first, to: first }).map((r) => r.interventionId),
    ).toEqual([a2.interventionId]);
  });
});
