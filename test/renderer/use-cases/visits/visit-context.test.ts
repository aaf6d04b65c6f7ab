import 'fake-indexeddb/auto';
import Papa from 'papaparse';
import { afterEach, describe, expect, it } from 'vitest';
import {
  NO_CONTRACT_REFERENCE,
  defaultContractId,
} from '../../../../shared/billing/default-contract';
import { clientSchema } from '../../../../shared/inventory/client';
import { siteSchema } from '../../../../shared/inventory/site';
import type { Report } from '../../../../shared/report/model';
import type { BordereauDb } from '../../../../renderer/db/database';
import { createVisit, getVisit, recordTimerTap } from '../../../../renderer/db/repositories/visits';
import { billableLinesCsv } from '../../../../shared/office/billable-csv';
import { reviewRows } from '../../../../shared/office/review-rows';
import { saveDefaultRates } from '../../../../renderer/use-cases/settings/default-rates';
import { buildReportContent, reportContentIssues } from '../../../../shared/visit/build-report';
import { visitContract } from '../../../../renderer/use-cases/visits/visit-context';
import { priceVisit } from '../../../../shared/visit/visit-pricing';
import { sampleDraft } from '../../../fixtures/report/sample-report';
import { plain, sealedReport } from '../../../server/report-fixture';
import { freshDb } from '../../db/fresh-db';
import { CLIENT_ID, MINUTE, SITE_ID, T0 } from '../../visits/visit-fixtures';

let db: BordereauDb;
afterEach(() => db?.close());

const meta = { revision: 3, updatedAt: T0 - 1 };
const client = clientSchema.parse({ id: CLIENT_ID, ...meta, name: 'Boulangerie Martin' });
const site = siteSchema.parse({
  id: SITE_ID,
  ...meta,
  clientId: CLIENT_ID,
  name: 'Boutique',
  address: '3 rue de la Roquette',
  postcode: '75011',
  city: 'Paris',
});

describe('a visit for a client without contract', () => {
  it('is priced at the default rates, every minute through the ladder, and the CSV agrees', async () => {
    db = freshDb();
    await saveDefaultRates(db, {
      hourlyRateCents: 9_000,
      travelFee: { kind: 'flat', amountCents: 3_500 },
    });
    const created = await createVisit(
      db,
      {
        clientId: CLIENT_ID,
        siteId: SITE_ID,
        contractId: defaultContractId(CLIENT_ID),
        header: {
          mode: 'onsite',
          // A planned visit recorded "under the subscription": there is none, it is billed.
          type: 'planned-visit',
          urgency: 'normal',
          request: 'Poste lent',
          representative: { name: 'Paul Martin', role: 'Gérant' },
          clientConfirmedBackup: true,
          includedInSubscription: true,
        },
      },
      T0,
    );
    await recordTimerTap(db, created.id, 'start', T0);
    await recordTimerTap(db, created.id, 'stop', T0 + 165 * MINUTE);
    const stored = (await getVisit(db, created.id))!;
    const visit = { ...stored, work: { ...stored.work, description: 'Nettoyage du poste.' } };

    const contract = await visitContract(db, visit);
    expect(contract).toMatchObject({
      reference: NO_CONTRACT_REFERENCE,
      hourlyRateCents: 9_000,
      coverage: { incidentsIncluded: false, subscriptionPriceCents: null },
    });

    const now = T0 + 166 * MINUTE;
    const pricing = priceVisit({
      visit,
      contract: contract!,
      now,
      sitePostcode: site.postcode,
      equipmentCovered: true,
      otherVisits: [],
    });
    // 2 h 45 → half-day 3 h 30 × 90 € = 315 €, + 35 € travel (no zone without contract).
    expect(pricing.priced.inclusion.included).toBe(false);
    expect(pricing.priced.billedMinutes).toBe(210);
    expect(pricing.priced.totalHtCents).toBe(31_500 + 3_500);
    expect(pricing.priced.flags.map((f) => f.code)).not.toContain('beyond-quota');

    const content = buildReportContent({
      reportId: '019ab0f2-5c00-7a3e-9c1d-2f4b6a8e0c11',
      issuedAt: now,
      visit,
      pricing,
      provider: sampleDraft().content.provider,
      technician: { name: 'Julien Durand', code: 'JD' },
      client,
      site,
      contract: contract!,
      equipment: [],
      photos: [],
    });
    expect(reportContentIssues(content)).toEqual([]);
    expect(content.contract).toEqual({ reference: NO_CONTRACT_REFERENCE, label: '' });
    expect(content.billing).toMatchObject({ kind: 'billed', totalHtCents: 35_000 });
    if (content.billing.kind !== 'billed') return;

    // The office CSV reads the sealed bordereau's lines: same amounts as shown live.
    const report = plain(await sealedReport(content.id)) as Report;
    Object.assign(report.content, { billing: content.billing });
    const csv = billableLinesCsv(
      reviewRows(
        [{ id: content.id, interventionId: visit.id, clientId: CLIENT_ID, report }],
        [],
        new Map([[CLIENT_ID, client.name]]),
      ),
    );
    const rows = Papa.parse<string[]>(csv.slice(1).trim(), { delimiter: ';' }).data.slice(1);
    expect(rows.map((r) => r[8])).toEqual(
      pricing.priced.lines.map((l) => (l.htCents / 100).toFixed(2).replace('.', ',')),
    );
    expect(rows.map((r) => r[8])).toEqual(['315,00', '35,00']);
  });
});
