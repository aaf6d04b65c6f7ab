/**
 * Pricing throughput: 1,000,000 interventions through `priceVisitFacts` (ladder, opening
 * hours in Europe/Paris, travel zone, parts, flat tasks, VAT). Run: `npx tsx bench/billing.bench.ts`
 * (or `npm run bench -- billing`). Facts are generated up front from a
 * fixed seed — 100,000 distinct interventions priced 10 times each, so memory stays small —
 * and generation is not timed.
 */
import { contractSchema, visitFactsSchema, priceVisitFacts } from '../shared/billing/index';
import type { VisitFacts } from '../shared/billing/index';

const TOTAL = 1_000_000;
const DISTINCT = 100_000;

// mulberry32: a tiny seeded generator, so every run prices the same interventions.
function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const contract = contractSchema.parse({
  id: 'bench',
  clientId: 'bench-client',
  reference: 'CT-BENCH',
  startsOn: '2024-01-01',
  hourlyRateCents: 6500,
  halfDayPriceCents: 21000,
  dayPriceCents: 40000,
  outsideHoursSurchargePercent: 50,
  travel: {
    zone: { departements: ['75', '77', '92', '93', '94', '95'] },
    fee: { kind: 'per-km', centsPerKm: 45 },
    mealCents: 1950,
    lodgingNightCents: 9500,
  },
  flatTasks: [
    { code: 'AD', label: 'Création de compte Active Directory', priceCents: 4500 },
    { code: 'MAIL', label: 'Création de boîte mail', priceCents: 3500 },
  ],
});

const random = seeded(20261123);
const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
const postcodes = ['75011', '92100', '69003', '13008', '94200', '33000', '2A004'.replace('A', '0')];
const base = Date.UTC(2024, 0, 1);
const facts: VisitFacts[] = [];
for (let i = 0; i < DISTINCT; i += 1) {
  const onsite = random() < 0.7;
  const worked = Math.floor(random() * 600);
  const startedAt =
    base + Math.floor(random() * 3 * 365) * 86_400_000 + Math.floor(random() * 86_400_000);
  facts.push(
    visitFactsSchema.parse({
      mode: onsite ? 'onsite' : 'remote',
      workedMinutes: worked,
      startedAt,
      segments: [{ start: startedAt, end: startedAt + worked * 60_000 }],
      sitePostcode: onsite ? pick(postcodes) : null,
      travelKm: Math.floor(random() * 200),
      meals: random() < 0.2 ? 1 : 0,
      parts:
        random() < 0.3 ? [{ label: 'Disque SSD 1 To', quantity: 1, unitPriceCents: 8990 }] : [],
      flatTasks: random() < 0.2 ? [{ code: pick(['AD', 'MAIL']), quantity: 1 }] : [],
      includedInSubscription: random() < 0.1,
    }),
  );
}

let checksum = 0;
const started = performance.now();
for (let i = 0; i < TOTAL; i += 1)
  checksum += priceVisitFacts(contract, facts[i % DISTINCT]!).ttcCents;
const ms = performance.now() - started;

console.log(
  `billing: priced ${TOTAL.toLocaleString('en')} interventions in ${(ms / 1000).toFixed(2)} s ` +
    `(${Math.round(TOTAL / (ms / 1000)).toLocaleString('en')} /s, ${((ms * 1000) / TOTAL).toFixed(2)} µs each; checksum ${checksum})`,
);
