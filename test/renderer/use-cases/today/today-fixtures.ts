import { contractSchema } from '../../../../shared/billing/contract';
import { instantOf } from '../../../../shared/calendar/local-date';
import { clientSchema } from '../../../../shared/inventory/client';
import { equipmentSchema } from '../../../../shared/inventory/equipment';
import { siteSchema } from '../../../../shared/inventory/site';
import { jobSchema } from '../../../../shared/planning/job';
import type { JobFields, PlannedJob } from '../../../../shared/planning/job';
import { requestSchema } from '../../../../shared/planning/request';
import type { InterventionRequest, RequestFields } from '../../../../shared/planning/request';
import { putRecord } from '../../../../renderer/db/changes';
import type { BordereauDb } from '../../../../renderer/db/database';
import { SESSION_SETTING_KEY } from '../../../../renderer/sync/session';

export const ids = {
  client: '0193a1b2-0000-7000-8000-0000000000c1',
  site: '0193a1b2-0000-7000-8000-0000000000c2',
  server: '0193a1b2-0000-7000-8000-0000000000c3',
  printer: '0193a1b2-0000-7000-8000-0000000000c4',
  request: '0193a1b2-0000-7000-8000-0000000000c5',
  job: '0193a1b2-0000-7000-8000-0000000000c6',
  alice: '0193a1b2-0000-7000-8000-00000000000a',
  bruno: '0193a1b2-0000-7000-8000-00000000000b',
};

/** An instant from a Paris wall-clock date and "HH:MM". */
export const at = (date: string, clock: string): number => {
  const [h, m] = clock.split(':').map(Number);
  return instantOf(date, h! * 60 + m!);
};

/** Monday 23 November 2026. */
export const DAY = '2026-11-23';
export const MINUTE = 60_000;

export const client = clientSchema.parse({
  id: ids.client,
  revision: 3,
  updatedAt: 1,
  name: 'Cabinet Lefèvre',
});
export const site = siteSchema.parse({
  id: ids.site,
  revision: 2,
  updatedAt: 1,
  clientId: ids.client,
  name: 'Siège',
  address: '12 rue des Tanneurs',
  postcode: '67000',
  city: 'Strasbourg',
  accessNotes: 'Badge à l’accueil, code porte 4512.',
});
export const server = equipmentSchema.parse({
  id: ids.server,
  revision: 1,
  updatedAt: 1,
  clientId: ids.client,
  siteId: ids.site,
  category: 'server',
  brand: 'Dell',
  model: 'PowerEdge T150',
  serialNumber: 'SRV-001',
});
export const contract = contractSchema.parse({
  id: 'contract-lefevre',
  clientId: ids.client,
  reference: 'CT-2026-014',
  startsOn: '2026-01-01',
  hourlyRateCents: 9000,
  subscriptionVisitsPerYear: 4,
});

export function request(fields: Partial<RequestFields> = {}): InterventionRequest {
  return requestSchema.parse({
    id: ids.request,
    revision: 1,
    updatedAt: 1,
    clientId: ids.client,
    siteId: ids.site,
    equipmentIds: [ids.server],
    description: 'Le serveur ne démarre plus.',
    channel: 'phone',
    calledAt: at(DAY, '09:00'),
    kind: 'incident',
    slaClass: 'server-network',
    ...fields,
  });
}

export function job(fields: Partial<JobFields> & { id?: string } = {}): PlannedJob {
  return jobSchema.parse({
    id: ids.job,
    revision: 1,
    updatedAt: 1,
    clientId: ids.client,
    requestId: ids.request,
    technicianIds: [ids.alice],
    date: DAY,
    slot: { from: '10:00', to: '12:00' },
    ...fields,
  });
}

/** What the morning sync leaves on Alice's laptop: her account, the job and its records. */
export async function seedMorning(
  db: BordereauDb,
  options: { job?: PlannedJob; request?: InterventionRequest } = {},
): Promise<void> {
  await db.settings.put({
    key: SESSION_SETTING_KEY,
    value: {
      serverUrl: 'https://bureau.exemple.fr',
      account: {
        id: ids.alice,
        email: 'alice@exemple.fr',
        name: 'Alice Martin',
        role: 'technician',
      },
      expiresAt: null,
    },
  });
  await db.clients.put(client);
  await db.sites.put(site);
  await putRecord(db, 'equipment', server, { origin: 'server' });
  await db.contracts.put({ ...contract, revision: 1, updatedAt: 1 });
  await db.requests.put(options.request ?? request());
  await db.jobs.put(options.job ?? job());
}
