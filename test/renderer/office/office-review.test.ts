import { describe, expect, it } from 'vitest';
import Papa from 'papaparse';
import { uuidv7 } from 'uuidv7';
import type { Report } from '../../../shared/report/model';
import {
  billableLinesCsv,
  decimalComma,
  decimalHours,
} from '../../../renderer/features/office/billable-csv';
import { clientUsage } from '../../../renderer/features/office/client-usage';
import { filterRows, NO_FILTERS, reviewRows } from '../../../renderer/features/office/review-rows';
import type { ReportRowInput } from '../../../renderer/features/office/review-rows';
import { draftReport, plain, sealedReport } from '../../server/report-fixture';

const CLIENT_A = uuidv7();
const CLIENT_B = uuidv7();
const NAMES = new Map([
  [CLIENT_A, 'ALLANCE SAS'],
  [CLIENT_B, '=HYPERLIEN("http://x")'],
]);
const DAY = 24 * 60 * 60 * 1000;

async function signed(
  clientId: string,
  options: {
    technician?: { name: string; code: string };
    shiftDays?: number;
    lines?: {
      label: string;
      htCents: number;
      quantity?: number;
      unitHtCents?: number;
      timeMinutes?: number;
      detail?: string;
    }[];
    billing?: { flags?: string[]; quoteNumbers?: string[] };
    outsideOpeningHours?: boolean;
    type?: Report['content']['intervention']['type'];
    billedMinutes?: number;
  } = {},
): Promise<ReportRowInput> {
  const id = uuidv7();
  const report = plain(await sealedReport(id)) as Report;
  const shift = (options.shiftDays ?? 0) * DAY;
  const content = report.content as unknown as Record<string, unknown> & Report['content'];
  Object.assign(content, {
    issuedAt: content.issuedAt + shift,
    technician: options.technician ?? content.technician,
  });
  Object.assign(content.timeline, {
    arrivalAt: content.timeline.arrivalAt + shift,
    billedMinutes: options.billedMinutes ?? content.timeline.billedMinutes,
    outsideOpeningHours: options.outsideOpeningHours ?? content.timeline.outsideOpeningHours,
  });
  Object.assign(content.intervention, { type: options.type ?? content.intervention.type });
  if (options.lines && content.billing.kind === 'billed') {
    Object.assign(content.billing, {
      lines: options.lines,
      totalHtCents: options.lines.reduce((s, l) => s + l.htCents, 0),
    });
  }
  if (options.billing) Object.assign(content.billing, options.billing);
  return { id, interventionId: uuidv7(), clientId, report };
}

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

describe('billable lines CSV', () => {
  it('writes one line per billed line, with a BOM, `;`, French decimals and formula-safe cells', async () => {
    const a = await signed(CLIENT_A, {
      lines: [
        {
          label: 'Intervention sur site (3 h 30)',
          htCents: 22800,
          quantity: 1,
          unitHtCents: 22800,
        },
        { label: '+ Câble RJ45', htCents: 1250, quantity: 5, unitHtCents: 250 },
      ],
    });
    const b = await signed(CLIENT_B);
    const draft = {
      id: uuidv7(),
      interventionId: uuidv7(),
      clientId: CLIENT_A,
      report: plain(draftReport(uuidv7())) as Report,
    };
    const csv = billableLinesCsv(reviewRows([a, b, draft], [], NAMES));
    expect(csv.startsWith('\uFEFF')).toBe(true);
    const parsed = Papa.parse<string[]>(csv.slice(1).trim(), { delimiter: ';' });
    expect(parsed.data[0]).toEqual([
      'N° bordereau',
      'Version',
      'Date',
      'Client',
      'Technicien',
      'Libellé',
      'Quantité',
      'PU HT',
      'Montant HT',
      'Taux TVA',
      'Détail',
      'Devis',
      'À vérifier',
    ]);
    expect(parsed.data).toHaveLength(4);
    const cable = parsed.data.find((l) => l[5]!.includes('RJ45'))!;
    expect(cable.slice(5, 10)).toEqual(["'+ Câble RJ45", '5', '2,50', '12,50', '20']);
    const other = parsed.data.find((l) => l[3]!.includes('HYPERLIEN'))!;
    expect(other[3]).toBe('\'=HYPERLIEN("http://x")');
    expect(other[8]).toBe('130,00');
  });

  it('labour lines carry their hours and hourly rate, the detail, the quote and what to check', async () => {
    const a = await signed(CLIENT_A, {
      lines: [
        {
          label: 'Prestation complémentaire — Imprimante — Demi-journée (3 h 30)',
          htCents: 22800,
          unitHtCents: 6500,
          timeMinutes: 210,
          detail: '3 h 30 × 65,00 €/h = 227,50 € ; arrondi à l’euro supérieur : 228,00 €',
        },
      ],
      billing: { flags: ['beyond-quota'], quoteNumbers: ['DV-JD-2026-0001'] },
      outsideOpeningHours: true,
    });
    const rows = reviewRows([a], [], NAMES);
    expect(rows[0]!.flags).toEqual(['beyond-quota', 'outside-opening-hours']);
    const parsed = Papa.parse<string[]>(billableLinesCsv(rows).slice(1).trim(), {
      delimiter: ';',
    });
    expect(parsed.data[1]!.slice(6)).toEqual([
      '3,5',
      '65,00',
      '228,00',
      '20',
      '3 h 30 × 65,00 €/h = 227,50 € ; arrondi à l’euro supérieur : 228,00 €',
      'DV-JD-2026-0001',
      'Au-delà des visites prévues ; Hors heures d’ouverture',
    ]);
  });

  it('writes billed hours as French decimals', () => {
    expect([30, 75, 120, 210, 20].map(decimalHours)).toEqual(['0,5', '1,25', '2', '3,5', '0,33']);
  });

  it('formats cents without floats', () => {
    expect([0, 5, 100, 22850, -1999, 123456789].map(decimalComma)).toEqual([
      '0,00',
      '0,05',
      '1,00',
      '228,50',
      '-19,99',
      '1234567,89',
    ]);
  });
});

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
