import { instantOf } from '../../../shared/calendar/index';
import { contractPreset, contractSchema, visitFactsSchema } from '../../../shared/billing/index';
import type {
  Contract,
  ContractInput,
  VisitFacts,
  VisitFactsInput,
} from '../../../shared/billing/index';

/** A Paris wall-clock time as ms. */
export function paris(date: string, clock: string): number {
  const [h, m] = clock.split(':').map(Number);
  return instantOf(date, h! * 60 + m!);
}

/**
 * The ALLANCE contract of 002 (its preset): 65 €/h, travel included in 75, 77, 92, 93, 94,
 * 95, time lines rounded up to the euro.
 */
export function allance(overrides: Partial<ContractInput> = {}): Contract {
  return contractSchema.parse({
    ...contractPreset('infogerance'),
    id: 'c-allance',
    clientId: 'client-1',
    reference: 'CT-2026-001',
    startsOn: '2026-01-01',
    hourlyRateCents: 6500,
    travel: {
      zone: { departements: ['75', '77', '92', '93', '94', '95'] },
      fee: { kind: 'per-km', centsPerKm: 45 },
      mealCents: 1950,
      lodgingNightCents: 9500,
    },
    flatTasks: [
      { code: 'AD', label: 'Création de compte Active Directory', priceCents: 4500 },
      { code: 'MAIL', label: 'Création de boîte mail', priceCents: 3550 },
    ],
    ...overrides,
  });
}

/** On site on Monday 23 November 2026 from 9:00 in Paris (11th arrondissement) unless told otherwise. */
export function onsite(
  workedMinutes: number,
  overrides: Partial<VisitFactsInput> = {},
): VisitFacts {
  const start = paris('2026-11-23', '09:00');
  return visitFactsSchema.parse({
    mode: 'onsite',
    workedMinutes,
    startedAt: start,
    segments: [{ start, end: start + workedMinutes * 60_000 }],
    sitePostcode: '75011',
    ...overrides,
  });
}

export function remote(
  workedMinutes: number,
  overrides: Partial<VisitFactsInput> = {},
): VisitFacts {
  return visitFactsSchema.parse({
    mode: 'remote',
    workedMinutes,
    startedAt: paris('2026-11-23', '09:00'),
    ...overrides,
  });
}
