import { Faker, base, fr } from '@faker-js/faker';
import { V7Generator } from 'uuidv7';
import { addLocalDays, localDateOf } from '../calendar/local-date';
import type { LocalDate } from '../calendar/local-date';
import { DEFAULT_OPENING_HOURS } from '../calendar/weekly-schedule';
import type { EquipmentCategory } from '../inventory/category';
import type { CatalogueItem } from '../inventory/catalogue-item';
import type { Client } from '../inventory/client';
import type { Contact } from '../inventory/contact';
import type { Equipment } from '../inventory/equipment';
import type { Site } from '../inventory/site';
import type { Subscription, SubscriptionKind } from '../inventory/subscription';

export interface DemoDataOptions {
  /** Same seed, same data: tests and benchmarks rely on it. */
  readonly seed: number;
  readonly clientCount: number;
  /** Items per client: one number for all, or one per client (missing ones get 0). */
  readonly equipmentPerClient: number | readonly number[];
  /** The clock of the generated data (ids, updatedAt, dates are computed back from it). */
  readonly now: number;
}

export interface DemoData {
  readonly clients: Client[];
  readonly sites: Site[];
  readonly contacts: Contact[];
  readonly equipment: Equipment[];
  readonly subscriptions: Subscription[];
  readonly catalogueItems: CatalogueItem[];
}

type Model = { readonly brand: string; readonly models: readonly string[] };
const MODELS: Partial<Record<EquipmentCategory, Model[]>> = {
  server: [
    { brand: 'Dell', models: ['PowerEdge R650', 'PowerEdge T350', 'PowerEdge R750xs'] },
    { brand: 'HPE', models: ['ProLiant DL380 Gen10', 'ProLiant ML350 Gen11'] },
  ],
  ups: [
    { brand: 'APC', models: ['Smart-UPS 1500', 'Back-UPS Pro 900'] },
    { brand: 'Eaton', models: ['5P 1550i', '9SX 2000i'] },
  ],
  nas: [
    { brand: 'Synology', models: ['DS920+', 'RS1221+', 'DS1522+'] },
    { brand: 'QNAP', models: ['TS-464', 'TS-873A'] },
  ],
  firewall: [
    { brand: 'Stormshield', models: ['SN210', 'SN310', 'SN510'] },
    { brand: 'Fortinet', models: ['FortiGate 40F', 'FortiGate 60F'] },
  ],
  router: [{ brand: 'Cisco', models: ['ISR 1111', 'C1121-8P'] }],
  modem: [
    { brand: 'Orange', models: ['Livebox Pro 6'] },
    { brand: 'SFR', models: ['Box Pro'] },
  ],
  'wifi-access-point': [
    { brand: 'Ubiquiti', models: ['UniFi U6 Lite', 'UniFi U6 Pro'] },
    { brand: 'Aruba', models: ['Instant On AP22'] },
  ],
  switch: [
    { brand: 'HPE Aruba', models: ['1930 24G', '2530-48G'] },
    { brand: 'Netgear', models: ['GS324T', 'GS110TP'] },
  ],
  desktop: [
    { brand: 'Dell', models: ['OptiPlex 7010', 'OptiPlex 5000'] },
    { brand: 'HP', models: ['ProDesk 400 G9', 'EliteDesk 800 G6'] },
    { brand: 'Lenovo', models: ['ThinkCentre M70q'] },
  ],
  laptop: [
    { brand: 'Dell', models: ['Latitude 5440', 'Latitude 7430'] },
    { brand: 'HP', models: ['ProBook 450 G10', 'EliteBook 840 G9'] },
    { brand: 'Lenovo', models: ['ThinkPad T14 Gen 4', 'ThinkPad E15'] },
  ],
  mac: [{ brand: 'Apple', models: ['MacBook Air M2', 'iMac 24 M3', 'MacBook Pro 14'] }],
  tablet: [
    { brand: 'Apple', models: ['iPad 10e génération'] },
    { brand: 'Samsung', models: ['Galaxy Tab S9'] },
  ],
  smartphone: [
    { brand: 'Samsung', models: ['Galaxy A54', 'Galaxy S23'] },
    { brand: 'Apple', models: ['iPhone 14', 'iPhone 15'] },
  ],
  printer: [
    { brand: 'Brother', models: ['HL-L5100DN', 'MFC-L8900CDW'] },
    { brand: 'HP', models: ['LaserJet Pro M404dn'] },
  ],
  copier: [
    { brand: 'Canon', models: ['imageRUNNER ADVANCE C3826i'] },
    { brand: 'Kyocera', models: ['TASKalfa 2554ci'] },
  ],
  scanner: [{ brand: 'Fujitsu', models: ['fi-7160', 'ScanSnap iX1600'] }],
  screen: [
    { brand: 'Dell', models: ['P2422H', 'U2723QE'] },
    { brand: 'iiyama', models: ['ProLite XUB2492HSU'] },
  ],
  'docking-station': [
    { brand: 'Dell', models: ['WD19S'] },
    { brand: 'Lenovo', models: ['ThinkPad USB-C Dock Gen 2'] },
  ],
  'keyboard-mouse': [{ brand: 'Logitech', models: ['MK270', 'MK540'] }],
};

/** Weighted: a small company has far more workstations and screens than servers. */
const CATEGORY_WEIGHTS: [EquipmentCategory, number][] = [
  ['desktop', 22],
  ['laptop', 22],
  ['screen', 18],
  ['printer', 6],
  ['smartphone', 8],
  ['docking-station', 6],
  ['switch', 3],
  ['wifi-access-point', 3],
  ['server', 2],
  ['nas', 2],
  ['ups', 2],
  ['firewall', 1],
  ['router', 1],
  ['modem', 1],
  ['copier', 1],
  ['scanner', 1],
  ['tablet', 2],
  ['mac', 2],
  ['keyboard-mouse', 3],
];

const NETWORK: ReadonlySet<EquipmentCategory> = new Set([
  'server',
  'nas',
  'ups',
  'firewall',
  'router',
  'modem',
  'switch',
  'wifi-access-point',
  'storage-array',
]);

const SUBSCRIPTIONS: [SubscriptionKind, string, string][] = [
  ['microsoft-365', 'Microsoft 365 Business Standard', 'Microsoft'],
  ['antivirus', 'ESET PROTECT Entry', 'ESET'],
  ['domain', 'Nom de domaine', 'OVHcloud'],
  ['hosting', 'Hébergement web Pro', 'OVHcloud'],
  ['cloud-backup', 'Sauvegarde externalisée 500 Go', 'Acronis'],
];

/**
 * Realistic French demo data (companies, sites, IT correspondents, inventories), the same
 * for the same seed: the faker generator and the UUIDv7 ids are both driven by the seed
 * and the given clock, never by the machine's.
 */
export function generateDemoData(options: DemoDataOptions): DemoData {
  const faker = new Faker({ locale: [fr, base], seed: options.seed });
  const ids = new V7Generator({ nextUint32: () => faker.number.int({ min: 0, max: 0xffff_ffff }) });
  let tick = options.now - 1_000_000;
  const newId = () => ids.generateOrResetCore((tick += 1), 10_000_000).toString();
  const today = localDateOf(options.now);
  // Dates repeat a lot across 100k items: computing each once keeps the generator fast.
  const dateCache = new Map<string, LocalDate>();
  const shift = (date: LocalDate, days: number): LocalDate => {
    const key = `${date}${days}`;
    let value = dateCache.get(key);
    if (value === undefined) dateCache.set(key, (value = addLocalDays(date, days)));
    return value;
  };
  const daysAgo = (days: number): LocalDate => shift(today, -days);
  const stamp = options.now;
  const meta = () => ({ id: newId(), revision: null, updatedAt: stamp });

  const data: DemoData = {
    clients: [],
    sites: [],
    contacts: [],
    equipment: [],
    subscriptions: [],
    catalogueItems: [],
  };
  const usedNames = new Set<string>();

  for (let c = 0; c < options.clientCount; c++) {
    let name = faker.company.name();
    while (usedNames.has(name)) name = `${faker.company.name()} ${faker.location.city()}`;
    usedNames.add(name);
    const city = faker.location.city();
    const client: Client = {
      ...meta(),
      name,
      siret: faker.string.numeric(14),
      city,
      phone: faker.phone.number({ style: 'national' }),
      email: `contact@${slug(name)}.fr`,
      notes: '',
      archived: false,
    };
    data.clients.push(client);

    const siteCount = faker.number.int({ min: 1, max: 3 });
    const sites: Site[] = [];
    for (let s = 0; s < siteCount; s++) {
      sites.push({
        ...meta(),
        clientId: client.id,
        name: s === 0 ? 'Siège' : `Agence de ${faker.location.city()}`,
        address: faker.location.streetAddress(),
        postcode: faker.location.zipCode('#####'),
        city: s === 0 ? city : faker.location.city(),
        openingHours: structuredClone(DEFAULT_OPENING_HOURS),
        accessNotes: '',
        phone: '',
      });
    }
    data.sites.push(...sites);

    const contactPerson = (role: Contact['role'], jobTitle: string): Contact => {
      const firstName = faker.person.firstName();
      const lastName = faker.person.lastName();
      return {
        ...meta(),
        clientId: client.id,
        siteId: null,
        role,
        name: `${firstName} ${lastName}`,
        jobTitle,
        phone: faker.phone.number({ style: 'national' }),
        email: `${slug(firstName)}.${slug(lastName)}@${slug(name)}.fr`,
      };
    };
    data.contacts.push(
      contactPerson('it-correspondent', 'Responsable informatique'),
      contactPerson('signatory', 'Gérant'),
    );

    const count =
      typeof options.equipmentPerClient === 'number'
        ? options.equipmentPerClient
        : (options.equipmentPerClient[c] ?? 0);
    const serials = new Set<string>();
    const users = Array.from({ length: Math.max(3, Math.ceil(count / 3)) }, () =>
      faker.person.fullName(),
    );
    const prefix = slug(name).slice(0, 3).toUpperCase().padEnd(3, 'X');
    for (let e = 0; e < count; e++) {
      const category = faker.helpers.weightedArrayElement(CATEGORY_CHOICES);
      const maker = faker.helpers.arrayElement(
        MODELS[category] ?? [{ brand: 'Générique', models: ['Modèle standard'] }],
      );
      let serial = faker.string.alphanumeric({ length: 10, casing: 'upper' });
      while (serials.has(serial))
        serial = faker.string.alphanumeric({ length: 10, casing: 'upper' });
      serials.add(serial);
      const ageDays = faker.number.int({ min: 30, max: 8 * 365 });
      const purchaseDate = daysAgo(ageDays);
      const declared = faker.number.int({ min: 0, max: 19 }) !== 0;
      const network = NETWORK.has(category);
      data.equipment.push({
        ...meta(),
        clientId: client.id,
        siteId: faker.helpers.arrayElement(sites).id,
        category,
        brand: maker.brand,
        model: faker.helpers.arrayElement(maker.models),
        serialNumber: serial,
        assetTag: `${prefix}-${String(e + 1).padStart(5, '0')}`,
        hostname: network
          ? `${category.slice(0, 3).toUpperCase()}-${String(e + 1).padStart(3, '0')}`
          : `${prefix}-PC${String(e + 1).padStart(4, '0')}`,
        assignedUser: network ? '' : faker.helpers.arrayElement(users),
        location: network ? 'Baie informatique' : `Bureau ${faker.number.int({ min: 1, max: 40 })}`,
        purchaseDate,
        warrantyEndDate: shift(purchaseDate, faker.helpers.arrayElement([365, 3 * 365, 5 * 365])),
        status: faker.helpers.weightedArrayElement([
          { weight: 92, value: 'in-service' as const },
          { weight: 3, value: 'under-repair' as const },
          { weight: 5, value: 'retired' as const },
        ]),
        covered: declared && faker.number.int({ min: 0, max: 9 }) !== 0,
        declared,
        discoveredOn: declared
          ? null
          : daysAgo(faker.number.int({ min: 1, max: Math.min(ageDays, 365) })),
        notes: '',
        secretRef: '',
      });
    }

    for (const [kind, label, provider] of faker.helpers.arrayElements(SUBSCRIPTIONS, {
      min: 1,
      max: 3,
    })) {
      data.subscriptions.push({
        ...meta(),
        clientId: client.id,
        kind,
        name: label,
        provider,
        contractNumber: faker.string.alphanumeric({ length: 8, casing: 'upper' }),
        quantity:
          kind === 'microsoft-365' || kind === 'antivirus'
            ? faker.number.int({ min: 3, max: 60 })
            : 1,
        renewalDate: addLocalDays(today, faker.number.int({ min: 10, max: 360 })),
        tacitRenewal: true,
        noticeMonths: 3,
        secretRef: '',
        notes: '',
      });
    }
  }

  const catalogue: [CatalogueItem['kind'], string, string, number][] = [
    ['flat-fee', 'AD-COMPTE', 'Création d’un compte Active Directory', 4500],
    ['flat-fee', 'MAIL-BAL', 'Création d’une boîte aux lettres', 3500],
    ['flat-fee', 'POSTE-INST', 'Installation d’un poste de travail', 12000],
    ['part', 'RAM-16', 'Barrette mémoire 16 Go DDR4', 5900],
    ['part', 'SSD-512', 'Disque SSD 512 Go', 7900],
    ['part', 'CABLE-RJ45', 'Câble réseau RJ45 3 m', 600],
    ['part', 'TONER-BRO', 'Toner Brother TN-3480', 8900],
  ];
  for (const [kind, code, label, unitPriceCents] of catalogue) {
    data.catalogueItems.push({ ...meta(), kind, code, label, unitPriceCents, active: true });
  }
  return data;
}

const CATEGORY_CHOICES = CATEGORY_WEIGHTS.map(([value, weight]) => ({ value, weight }));

function slug(s: string): string {
  return s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}
