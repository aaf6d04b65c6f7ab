import { instantOf } from '../../../shared/calendar/index';
import { contractSchema } from '../../../shared/billing/contract';

export const ids = {
  client: '0193a1b2-0000-7000-8000-000000000001',
  site: '0193a1b2-0000-7000-8000-000000000002',
  equipment: '0193a1b2-0000-7000-8000-000000000003',
  request: '0193a1b2-0000-7000-8000-000000000004',
  alice: '0193a1b2-0000-7000-8000-00000000000a',
  bruno: '0193a1b2-0000-7000-8000-00000000000b',
  visitA: '0193a1b2-0000-7000-8000-0000000000a1',
  visitB: '0193a1b2-0000-7000-8000-0000000000b1',
  job: '0193a1b2-0000-7000-8000-000000000005',
};

/** An instant from a Paris wall-clock date and "HH:MM". */
export const at = (date: string, clock: string): number => {
  const [h, m] = clock.split(':').map(Number);
  return instantOf(date, h! * 60 + m!);
};

export const contract = contractSchema.parse({
  id: 'c1',
  clientId: ids.client,
  reference: 'CT-2026-014',
  startsOn: '2026-01-01',
  hourlyRateCents: 9000,
});
