import { contractSchema } from '../../shared/billing/contract';
import type { Contract } from '../../shared/billing/contract';
import { TestDevice } from '../server/helpers';
import type { TestServer } from '../server/helpers';

/**
 * The office data the visit and sync e2e tests start from: one client (Cabinet Lefèvre),
 * its head-office site, its contract and its file server. Plain record fields, without the
 * sync envelope (id, revision, updatedAt): each test stores them its own way.
 */
export const CLIENT_ID = '0192b3c4-0000-7000-8000-0000000000c1';
export const SITE_ID = '0192b3c4-0000-7000-8000-0000000000a1';
export const CONTRACT_ID = '0192b3c4-0000-7000-8000-0000000000d1';
export const EQUIPMENT_ID = '0192b3c4-0000-7000-8000-0000000000e1';
export const MINUTE = 60_000;
/** Monday 23 November 2026, 09:00 in Paris: within the client's opening hours. */
export const T0 = Date.UTC(2026, 10, 23, 8, 0);

export function lefevreContract(): Contract {
  return contractSchema.parse({
    id: CONTRACT_ID,
    clientId: CLIENT_ID,
    reference: 'INF-PME-2024-031',
    label: 'Infogérance PME – 12 postes',
    startsOn: '2024-01-01',
    hourlyRateCents: 6_500,
    // ALLANCE's clause (002 art. IV.2.2): time lines rounded up to the euro.
    roundTimeUpToEuro: true,
  });
}

export const lefevreClient = {
  name: 'Cabinet Lefèvre & Associés',
  siret: '',
  city: 'Vincennes',
  phone: '',
  email: '',
  notes: '',
  archived: false,
};

export function lefevreSite(contract: Contract) {
  return {
    clientId: CLIENT_ID,
    name: 'Siège – Vincennes',
    address: '8 avenue du Château',
    postcode: '94300',
    city: 'Vincennes',
    openingHours: contract.openingHours,
    accessNotes: '',
  };
}

export const lefevreServer = {
  clientId: CLIENT_ID,
  siteId: SITE_ID,
  category: 'server',
  brand: 'Dell',
  model: 'PowerEdge T350',
  serialNumber: 'CN7J8K3',
  assetTag: 'LEF-SRV-01',
  hostname: 'SRV-FICHIERS',
  assignedUser: '',
  location: 'Baie',
  purchaseDate: null,
  warrantyEndDate: null,
  status: 'in-service',
  covered: true,
  declared: true,
  discoveredOn: null,
  notes: '',
  secretRef: '',
};

/**
 * The office's data created on the server as the office app would (one push), the client
 * assigned to the first technician. Returns the push's answer for the tests that check it;
 * `site` adds fields to the site (e.g. access notes).
 */
export async function pushLefevreOffice(
  server: TestServer,
  site: Record<string, unknown> = {},
): ReturnType<TestDevice['push']> {
  const contract = lefevreContract();
  const { id: _id, ...contractData } = contract;
  const office = new TestDevice(server.office.api);
  const res = await office.push([
    office.upsert('clients', CLIENT_ID, lefevreClient),
    office.upsert('sites', SITE_ID, { ...lefevreSite(contract), ...site }),
    office.upsert('contracts', CONTRACT_ID, contractData),
    office.upsert('equipment', EQUIPMENT_ID, lefevreServer),
  ]);
  await server.assign(server.tech1, CLIENT_ID);
  return res;
}
