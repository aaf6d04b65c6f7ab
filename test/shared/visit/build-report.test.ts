import { describe, expect, it } from 'vitest';
import { contractSchema } from '../../../shared/billing/contract';
import type { ContractInput } from '../../../shared/billing/contract';
import { clientSchema } from '../../../shared/inventory/client';
import { equipmentSchema } from '../../../shared/inventory/equipment';
import type { Equipment } from '../../../shared/inventory/equipment';
import { siteSchema } from '../../../shared/inventory/site';
import type { TimerEvent } from '../../../shared/time/events';
import { buildReportContent, reportContentIssues } from '../../../shared/visit/build-report';
import type { ReportSources } from '../../../shared/visit/build-report';
import { newSealedQuote } from '../../../shared/visit/new-quote';
import { priceVisit } from '../../../shared/visit/visit-pricing';
import { slaClassOf, visitSla } from '../../../shared/visit/visit-sla';
import { visitRecordSchema } from '../../../shared/visit/visit-record';
import type { VisitRecord } from '../../../shared/visit/visit-record';
import { sampleDraft } from '../../fixtures/report/sample-report';
import { CLIENT_ID, MINUTE, SITE_ID, T0 } from '../../renderer/visits/visit-fixtures';

const SERVER_ID = '0192b3c4-0000-7000-8000-0000000000e1';
const PRINTER_ID = '0192b3c4-0000-7000-8000-0000000000e2';
const meta = { revision: 3, updatedAt: T0 - 1 };

const client = clientSchema.parse({ id: CLIENT_ID, ...meta, name: 'Cabinet Lefèvre & Associés' });
const site = siteSchema.parse({
  id: SITE_ID,
  ...meta,
  clientId: CLIENT_ID,
  name: 'Siège',
  address: '8 avenue du Château',
  postcode: '94300',
  city: 'Vincennes',
});
const server: Equipment = equipmentSchema.parse({
  id: SERVER_ID,
  ...meta,
  clientId: CLIENT_ID,
  category: 'server',
  brand: 'Dell',
  model: 'PowerEdge T350',
  serialNumber: 'CN7J8K3',
});
const printer: Equipment = equipmentSchema.parse({
  id: PRINTER_ID,
  ...meta,
  clientId: CLIENT_ID,
  category: 'printer',
  brand: 'Brother',
  model: 'HL-L6210DW',
  covered: false,
  declared: false,
  discoveredOn: '2026-11-23',
});

function contractOf(extra: Partial<ContractInput> = {}) {
  return contractSchema.parse({
    id: 'ct-1',
    clientId: CLIENT_ID,
    reference: 'INF-PME-2024-031',
    startsOn: '2024-01-01',
    hourlyRateCents: 6_500,
    // ALLANCE's clause (002 art. IV.2.2): time lines rounded up to the euro.
    roundTimeUpToEuro: true,
    ...extra,
  });
}

/** 09:00 → 12:00 with a 15-minute pause: 165 minutes worked. */
function events(start = T0, idPrefix = 'e'): TimerEvent[] {
  return [
    { id: `${idPrefix}1`, type: 'start', at: start },
    { id: `${idPrefix}2`, type: 'pause', at: start + 60 * MINUTE },
    { id: `${idPrefix}3`, type: 'resume', at: start + 75 * MINUTE },
    { id: `${idPrefix}4`, type: 'stop', at: start + 180 * MINUTE },
  ];
}

function visitOf(
  overrides: {
    id?: string;
    included?: boolean;
    type?: 'curative' | 'planned-visit';
    events?: TimerEvent[];
    work?: Record<string, unknown>;
  } = {},
): VisitRecord {
  return visitRecordSchema.parse({
    id: overrides.id ?? '0192b3c4-0000-7000-8000-0000000000f1',
    revision: null,
    updatedAt: T0,
    clientId: CLIENT_ID,
    siteId: SITE_ID,
    contractId: 'ct-1',
    status: 'to-sign',
    startedAt: T0,
    createdAt: T0,
    header: {
      mode: 'onsite',
      type: overrides.type ?? 'curative',
      urgency: 'urgent',
      request: 'Serveur lent',
      representative: { name: 'Hélène Lefèvre', role: 'Gérante' },
      clientConfirmedBackup: true,
      includedInSubscription: overrides.included ?? false,
    },
    events: overrides.events ?? events(),
    work: {
      description: 'Remplacement du disque n° 3.',
      equipment: [{ equipmentId: SERVER_ID }],
      ...overrides.work,
    },
  });
}

function sources(
  visit: VisitRecord,
  contract = contractOf(),
  otherVisits: VisitRecord[] = [],
): ReportSources {
  const picked = new Set(visit.work.equipment.map((e) => e.equipmentId));
  const equipment = [server, printer].filter((e) => picked.has(e.id));
  return {
    reportId: '019ab0f2-5c00-7a3e-9c1d-2f4b6a8e0c11',
    issuedAt: T0 + 181 * MINUTE,
    visit,
    pricing: priceVisit({
      visit,
      contract,
      now: T0 + 181 * MINUTE,
      sitePostcode: site.postcode,
      equipmentCovered: equipment.every((e) => e.covered),
      otherVisits,
      coveredEquipmentIds: new Set([server, printer].filter((e) => e.covered).map((e) => e.id)),
    }),
    provider: sampleDraft().content.provider,
    technician: { name: 'Julien Durand', code: 'JD' },
    client,
    site,
    contract,
    equipment,
    photos: [],
  };
}

describe('the bordereau built from a visit', () => {
  it('carries the times, the ladder, the equipment, parts and flat fees, priced by the contract', () => {
    const visit = visitOf({
      work: {
        equipment: [
          { equipmentId: SERVER_ID },
          { equipmentId: PRINTER_ID, discoveredAt: T0 + 100 * MINUTE },
        ],
        parts: [{ code: 'SSD-960', label: 'SSD 960 Go', quantity: 1, unitPriceCents: 14_900 }],
        flatTasks: [
          {
            code: 'AD-USER',
            label: 'Création d’un compte Active Directory',
            quantity: 2,
            unitPriceCents: 4_500,
          },
        ],
        checklist: [{ label: 'Vérification de la sauvegarde', done: true }],
      },
    });
    const content = buildReportContent(sources(visit));
    expect(reportContentIssues(content)).toEqual([]);
    expect(content.timeline).toMatchObject({
      arrivalAt: T0,
      departureAt: T0 + 180 * MINUTE,
      pauses: [{ startAt: T0 + 60 * MINUTE, endAt: T0 + 75 * MINUTE }],
      workedMinutes: 165,
      billedMinutes: 210,
      ladderStepLabel: 'Demi-journée (3\u00a0h\u00a030)',
      outsideOpeningHours: false,
    });
    expect(content.equipment).toEqual([
      expect.objectContaining({
        equipmentId: SERVER_ID,
        label: 'Serveur Dell PowerEdge T350',
        serialNumber: 'CN7J8K3',
        covered: true,
        newlyDiscovered: false,
        discoveredAt: null,
      }),
      expect.objectContaining({
        equipmentId: PRINTER_ID,
        covered: false,
        newlyDiscovered: true,
        discoveredAt: T0 + 100 * MINUTE,
      }),
    ]);
    expect(content.parts).toEqual([
      { label: 'SSD 960 Go', reference: '', serialNumber: '', quantity: 1 },
    ]);
    expect(content.billing).toMatchObject({
      kind: 'billed',
      totalHtCents: 22_800 + 14_900 + 9_000,
      vatCents: 9_340,
      totalTtcCents: 46_700 + 9_340,
    });
    if (content.billing.kind !== 'billed') throw new Error('billed expected');
    expect(content.billing.lines.map((l) => [l.label, l.htCents])).toEqual([
      ['Intervention sur site — Demi-journée (3\u00a0h\u00a030)', 22_800],
      ['Déplacement inclus', 0],
      ['SSD 960 Go', 14_900],
      ['Création d’un compte Active Directory', 9_000],
    ]);
    expect(content.representative).toEqual({ name: 'Hélène Lefèvre', role: 'Gérante' });
    // no backupsCheckedByProvider on the contract: the client alone answers for backups
    expect(content.backup).toEqual({ clientConfirmedBackup: true, responsibility: 'client' });
  });

  it('prints a corrected time with its original value and reason', () => {
    const visit = visitOf({
      events: [
        ...events(T0 + 10 * MINUTE),
        {
          id: 'c1',
          type: 'correct',
          target: 'e1',
          at: T0,
          reason: 'Minuteur lancé en retard',
          recordedAt: T0 + 200 * MINUTE,
        },
      ],
    });
    const content = buildReportContent(sources(visit));
    expect(content.timeline.corrections).toEqual([
      {
        event: 'start',
        originalAt: T0 + 10 * MINUTE,
        correctedAt: T0,
        reason: 'Minuteur lancé en retard',
        recordedAt: T0 + 200 * MINUTE,
      },
    ]);
    expect(content.timeline.workedMinutes).toBe(175);
    expect(reportContentIssues(content)).toEqual([]);
  });

  it('lists in French what keeps an incomplete report from being signed', () => {
    const visit = visitOf({ work: { description: '', result: { status: 'to-be-continued' } } });
    const issues = reportContentIssues(buildReportContent(sources(visit)));
    expect(issues).toContain('Travaux réalisés : champ obligatoire.');
    expect(issues).toContain('Suite à donner : champ obligatoire.');
  });

  it('004 art. V last §: counts a planned visit against the contract’s yearly visits, at 0 €; an earlier incident does not count', () => {
    const earlier = visitOf({
      id: '0192b3c4-0000-7000-8000-0000000000f0',
      included: true,
      type: 'planned-visit',
      events: events(T0 - 30 * 86_400_000, 'x'),
    });
    const incident = visitOf({
      id: '0192b3c4-0000-7000-8000-0000000000f1',
      included: true,
      events: events(T0 - 20 * 86_400_000, 'y'),
    });
    const visit = visitOf({ included: true, type: 'planned-visit' });
    const content = buildReportContent(
      sources(visit, contractOf({ label: 'Infogérance PME', subscriptionVisitsPerYear: 4 }), [
        earlier,
        incident,
      ]),
    );
    expect(content.billing).toEqual({
      kind: 'included',
      subscriptionLabel: 'Infogérance PME',
      visits: { used: 2, perYear: 4 },
      hourBank: null,
    });
    expect(reportContentIssues(content)).toEqual([]);
  });

  it('bills work on equipment outside the contract even in a subscription visit', () => {
    const visit = visitOf({ included: true, work: { equipment: [{ equipmentId: PRINTER_ID }] } });
    const content = buildReportContent(sources(visit));
    expect(content.billing).toMatchObject({ kind: 'billed', totalHtCents: 22_800 });
    expect(content.equipment[0]).toMatchObject({
      newlyDiscovered: true,
      discoveredAt: Date.UTC(2026, 10, 22, 23, 0),
    });
  });

  it('counts in the bank an earlier "included" visit that its own report billed (equipment not covered)', () => {
    const contract = contractOf({
      hourBank: { unit: 'hours', quantity: 10, startsOn: '2026-01-01' },
    });
    const day = 86_400_000;
    const earlier = (id: string, equipmentId: string) =>
      visitOf({
        id,
        included: true,
        events: [
          { id: `${id}-1`, type: 'start', at: T0 - day },
          { id: `${id}-2`, type: 'stop', at: T0 - day + 60 * MINUTE },
        ],
        work: { equipment: [{ equipmentId }] },
      });
    // Marked included, on the covered server: truly included, nothing drawn.
    const onCovered = earlier('0192b3c4-0000-7000-8000-0000000000a1', SERVER_ID);
    // Marked included, but on the printer the contract does not cover: its report drew
    // 2 h from the bank, so later balances count it.
    const onUncovered = earlier('0192b3c4-0000-7000-8000-0000000000a2', PRINTER_ID);
    expect(buildReportContent(sources(onUncovered, contract)).billing).toMatchObject({
      hourBank: { deductedMinutes: 120, balanceAfterMinutes: 480 },
    });
    const content = buildReportContent(sources(visitOf(), contract, [onCovered, onUncovered]));
    expect(content.billing).toMatchObject({
      hourBank: { deductedMinutes: 210, balanceAfterMinutes: 600 - 120 - 210 },
    });
  });

  it('deducts the billed time from the hour bank, after the contract’s earlier visits', () => {
    const contract = contractOf({
      hourBank: { unit: 'hours', quantity: 10, startsOn: '2026-01-01' },
    });
    // An earlier visit of 1 h on site: 2 h billed, drawn from the bank first.
    const earlier = visitOf({
      id: '0192b3c4-0000-7000-8000-0000000000f0',
      events: [
        { id: 'x1', type: 'start', at: T0 - 86_400_000 },
        { id: 'x2', type: 'stop', at: T0 - 86_400_000 + 60 * MINUTE },
      ],
    });
    const content = buildReportContent(sources(visitOf(), contract, [earlier]));
    expect(content.billing).toMatchObject({
      kind: 'billed',
      totalHtCents: 0,
      hourBank: { deductedMinutes: 210, balanceAfterMinutes: 600 - 120 - 210 },
    });
  });
});

describe('an incident with complementary work recorded apart (002 art. III-1 §6, III.2)', () => {
  it('keeps the incident included, bills only the printer’s time under its signed quote, and names the quote', async () => {
    const signedAt = T0 + 20 * MINUTE;
    const image = sampleDraft().content.provider.logoPngDataUrl;
    const quote = await newSealedQuote(
      {
        visit: visitOf({ included: true }),
        contract: contractOf(),
        clientName: client.name,
        siteName: site.name,
        technician: { name: 'Julien Durand', code: 'JD' },
        knownNumbers: [],
      },
      {
        description: 'Dépannage imprimante hors contrat',
        estimatedMinutes: 40,
        flatPriceCents: null,
      },
      { signerName: 'Hélène Lefèvre', role: 'Gérante', imagePngDataUrl: image },
      { id: '019ab0f2-5c00-7a3e-9c1d-2f4b6a8e0c99', now: signedAt },
    );
    expect(quote.content.number).toBe('DV-2026-JD-0001');
    const visit = visitRecordSchema.parse({
      ...visitOf({
        included: true,
        work: {
          equipment: [{ equipmentId: SERVER_ID }, { equipmentId: PRINTER_ID }],
          complementary: [
            {
              label: 'Imprimante bac 2',
              equipmentId: PRINTER_ID,
              workedMinutes: 45,
              quoteNumber: quote.content.number,
            },
          ],
        },
      }),
      quotes: [quote],
    });
    const content = buildReportContent(sources(visit));
    // 165 min worked: 120 on the covered server (included), 45 on the printer → 2 h → 130 €.
    expect(content.billing).toMatchObject({
      kind: 'billed',
      totalHtCents: 13_000,
      quoteNumbers: ['DV-2026-JD-0001'],
    });
    if (content.billing.kind !== 'billed') throw new Error('billed expected');
    expect(content.billing.flags).toBeUndefined();
    expect(content.billing.lines[0]).toMatchObject({ htCents: 0 });
    expect(content.billing.lines[1]).toMatchObject({
      unitHtCents: 6_500,
      timeMinutes: 120,
      htCents: 13_000,
    });
    expect(content.timeline.billedMinutes).toBe(120);
    expect(reportContentIssues(content)).toEqual([]);
  });

  it('flags complementary work without a signed quote for the office', () => {
    const visit = visitOf({
      included: true,
      work: {
        equipment: [{ equipmentId: SERVER_ID }, { equipmentId: PRINTER_ID }],
        complementary: [{ label: 'Imprimante', equipmentId: PRINTER_ID, workedMinutes: 45 }],
      },
    });
    const content = buildReportContent(sources(visit));
    expect(content.billing).toMatchObject({ flags: ['complementary-without-quote'] });
  });
});

describe('the SLA clock on the visit (004 art. VI)', () => {
  it('counts 4 working hours in the site’s hours for a server, met when the technician arrived by then', () => {
    const requestedAt = T0 - 3 * 60 * MINUTE; // Monday 6:00: counting starts at 9:00.
    const visit = visitRecordSchema.parse({
      ...visitOf({}),
      header: { ...visitOf({}).header, requestedAt },
    });
    const sla = visitSla(visit, contractOf(), site, [server, printer], T0);
    expect(slaClassOf(visit, [server, printer])).toBe('server-network');
    expect(sla).toMatchObject({ workingMinutes: 240, deadline: T0 + 240 * MINUTE, met: true });
    const late = visitSla(visit, contractOf(), site, [server], T0 + 241 * MINUTE);
    expect(late?.met).toBe(false);
    const content = buildReportContent({
      ...sources(visit),
      sla: { requestedAt, workingMinutes: 240, deadlineAt: sla!.deadline, met: true },
    });
    expect(content.billing).toMatchObject({
      sla: { requestedAt, workingMinutes: 240, deadlineAt: T0 + 240 * MINUTE, met: true },
    });
    expect(reportContentIssues(content)).toEqual([]);
  });

  it('8 working hours for a workstation or peripheral; none without a request time', () => {
    const visit = visitOf({ work: { equipment: [{ equipmentId: PRINTER_ID }] } });
    expect(visitSla(visit, contractOf(), site, [printer], T0)).toBeNull();
    expect(slaClassOf(visit, [printer])).toBe('workstation');
  });
});
