import { z } from 'zod';
import { CATEGORY_LABELS, EQUIPMENT_CATEGORIES } from '../category';
import type { EquipmentCategory } from '../category';
import { EQUIPMENT_STATUSES, STATUS_LABELS } from '../equipment';
import type { EquipmentStatus } from '../equipment';
import { searchKey } from '../search-key';
import type { ParsedCsv } from './parse';

/**
 * Names clients, GLPI and other inventory tools give the categories, beyond our own labels,
 * compared after searchKey (case, accents, spaces and punctuation ignored). GLPI's French
 * computer types are "Bureau", "Portable", "Serveur"…
 */
const CATEGORY_WORDS: Record<string, EquipmentCategory> = {
  BUREAU: 'desktop',
  ORDINATEUR: 'desktop',
  ORDINATEURDEBUREAU: 'desktop',
  ORDINATEURFIXE: 'desktop',
  PC: 'desktop',
  PCDEBUREAU: 'desktop',
  POSTEFIXE: 'desktop',
  POSTEDETRAVAIL: 'desktop',
  UNITECENTRALE: 'desktop',
  TOUR: 'desktop',
  DESKTOP: 'desktop',
  WORKSTATION: 'desktop',
  COMPUTER: 'desktop',
  PORTABLE: 'laptop',
  ORDINATEURPORTABLE: 'laptop',
  PCPORTABLE: 'laptop',
  LAPTOP: 'laptop',
  NOTEBOOK: 'laptop',
  IMAC: 'mac',
  MACBOOK: 'mac',
  APPLE: 'mac',
  SERVER: 'server',
  SERVEURS: 'server',
  NAS: 'nas',
  SAUVEGARDE: 'nas',
  BACKUP: 'nas',
  SAN: 'storage-array',
  STORAGE: 'storage-array',
  ONDULEUR: 'ups',
  UPS: 'ups',
  PAREFEU: 'firewall',
  FIREWALL: 'firewall',
  ROUTER: 'router',
  BOX: 'modem',
  BORNEWIFI: 'wifi-access-point',
  WIFI: 'wifi-access-point',
  ACCESSPOINT: 'wifi-access-point',
  POINTDACCESWIFI: 'wifi-access-point',
  SWITCH: 'switch',
  COMMUTATEUR: 'switch',
  MATERIELRESEAU: 'switch',
  NETWORKEQUIPMENT: 'switch',
  IMPRIMANTE: 'printer',
  PRINTER: 'printer',
  COPIEUR: 'copier',
  PHOTOCOPIEUR: 'copier',
  MULTIFONCTION: 'copier',
  COPIER: 'copier',
  SCANNER: 'scanner',
  MONITEUR: 'screen',
  ECRAN: 'screen',
  MONITOR: 'screen',
  SCREEN: 'screen',
  TELEPHONE: 'smartphone',
  TELEPHONEPORTABLE: 'smartphone',
  PHONE: 'smartphone',
  MOBILE: 'smartphone',
  TABLETTE: 'tablet',
  TABLET: 'tablet',
  DOCK: 'docking-station',
  DOCKINGSTATION: 'docking-station',
  PERIPHERIQUE: 'keyboard-mouse',
  LOGICIEL: 'server-software',
  SOFTWARE: 'server-software',
  AUTRE: 'other',
  AUTRES: 'other',
  OTHER: 'other',
  DIVERS: 'other',
};

const STATUS_WORDS: Record<string, EquipmentStatus> = {
  ACTIF: 'in-service',
  ENPRODUCTION: 'in-service',
  ENUTILISATION: 'in-service',
  ENSERVICE: 'in-service',
  INUSE: 'in-service',
  ACTIVE: 'in-service',
  DEPLOYED: 'in-service',
  INSERVICE: 'in-service',
  PRODUCTION: 'in-service',
  REPARATION: 'under-repair',
  ENPANNE: 'under-repair',
  ENMAINTENANCE: 'under-repair',
  MAINTENANCE: 'under-repair',
  REPAIR: 'under-repair',
  INREPAIR: 'under-repair',
  BROKEN: 'under-repair',
  HS: 'retired',
  REBUT: 'retired',
  AUREBUT: 'retired',
  RETIRE: 'retired',
  INACTIF: 'retired',
  RETIRED: 'retired',
  DISPOSED: 'retired',
  ARCHIVED: 'retired',
  ARCHIVE: 'retired',
  RECYCLE: 'retired',
};

const CATEGORY_BY_KEY = new Map<string, EquipmentCategory>([
  ...EQUIPMENT_CATEGORIES.map((c) => [searchKey(c), c] as const),
  ...EQUIPMENT_CATEGORIES.map((c) => [searchKey(CATEGORY_LABELS[c]), c] as const),
  ...Object.entries(CATEGORY_WORDS),
]);

const STATUS_BY_KEY = new Map<string, EquipmentStatus>([
  ...EQUIPMENT_STATUSES.map((s) => [searchKey(s), s] as const),
  ...EQUIPMENT_STATUSES.map((s) => [searchKey(STATUS_LABELS[s]), s] as const),
  ...Object.entries(STATUS_WORDS),
]);

/** Our category for a file's value when we know the word; null when we do not. */
export function knownCategory(value: string): EquipmentCategory | null {
  return CATEGORY_BY_KEY.get(searchKey(value)) ?? null;
}

/** Our status for a file's value when we know the word; null when we do not. */
export function knownStatus(value: string): EquipmentStatus | null {
  return STATUS_BY_KEY.get(searchKey(value)) ?? null;
}

export interface DistinctValue {
  /** The value as first written in the file (trimmed). */
  readonly value: string;
  /** searchKey of the value: "Bureau" and "BUREAU " are one value. */
  readonly key: string;
  readonly count: number;
}

/** Every non-empty value of a column, with how many rows carry it, most frequent first. */
export function distinctValues(csv: ParsedCsv, column: number | null): DistinctValue[] {
  if (column === null) return [];
  const byKey = new Map<string, { value: string; key: string; count: number }>();
  for (const row of csv.rows) {
    const value = (row.cells[column] ?? '').trim();
    const key = searchKey(value);
    if (key === '') continue;
    const entry = byKey.get(key);
    if (entry) entry.count++;
    else byKey.set(key, { value, key, count: 1 });
  }
  return [...byKey.values()].sort((a, b) => b.count - a.count || a.value.localeCompare(b.value));
}

/**
 * The user's choices for a file's values, by searchKey of the value. Remembered per client
 * (the next export from the same tool uses the same words).
 */
export const valueMappingSchema = z.object({
  category: z.record(z.string(), z.enum(EQUIPMENT_CATEGORIES)).default({}),
  status: z.record(z.string(), z.enum(EQUIPMENT_STATUSES)).default({}),
});
export type ValueMapping = z.infer<typeof valueMappingSchema>;

export const EMPTY_VALUE_MAPPING: ValueMapping = { category: {}, status: {} };

/**
 * The mapping proposed for a file's values: what the user chose before for this client,
 * else the word we know, else "Autre" for a category and "En service" for a status (the row
 * is imported, its original label kept beside it).
 */
export function proposeValueMapping(
  categories: readonly DistinctValue[],
  statuses: readonly DistinctValue[],
  remembered: ValueMapping = EMPTY_VALUE_MAPPING,
): ValueMapping {
  return {
    category: Object.fromEntries(
      categories.map((v) => [
        v.key,
        remembered.category[v.key] ?? knownCategory(v.value) ?? ('other' as const),
      ]),
    ),
    status: Object.fromEntries(
      statuses.map((v) => [
        v.key,
        remembered.status[v.key] ?? knownStatus(v.value) ?? ('in-service' as const),
      ]),
    ),
  };
}

/** The remembered mapping with this file's choices added (new choices win). */
export function mergeValueMapping(remembered: ValueMapping, chosen: ValueMapping): ValueMapping {
  return {
    category: { ...remembered.category, ...chosen.category },
    status: { ...remembered.status, ...chosen.status },
  };
}
