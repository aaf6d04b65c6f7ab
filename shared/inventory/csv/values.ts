import { parseLocalDate, toLocalDate } from '../../calendar/local-date';
import type { LocalDate } from '../../calendar/local-date';
import { CATEGORY_LABELS, EQUIPMENT_CATEGORIES } from '../category';
import type { EquipmentCategory } from '../category';
import { EQUIPMENT_STATUSES, STATUS_LABELS } from '../equipment';
import type { EquipmentStatus } from '../equipment';
import { searchKey } from '../search-key';

export type CellResult<T> = { ok: true; value: T } | { ok: false; message: string };

/**
 * A date as French spreadsheets write it: "25/03/2024", "25-03-2024", "25.03.2024",
 * or ISO "2024-03-25" (GLPI). Empty gives null.
 */
export function parseDateCell(cell: string): CellResult<LocalDate | null> {
  const value = cell.trim();
  if (value === '') return { ok: true, value: null };
  const fr = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(value);
  const iso = /^(\d{4})-(\d{2})-(\d{2})(?:[ T].*)?$/.exec(value);
  const parts = fr
    ? { year: Number(fr[3]), month: Number(fr[2]), day: Number(fr[1]) }
    : iso
      ? { year: Number(iso[1]), month: Number(iso[2]), day: Number(iso[3]) }
      : null;
  if (!parts) return { ok: false, message: `date « ${value} » illisible (JJ/MM/AAAA attendu)` };
  const date = toLocalDate(parts);
  try {
    parseLocalDate(date);
  } catch {
    return { ok: false, message: `date « ${value} » inexistante` };
  }
  return { ok: true, value: date };
}

const TRUE_WORDS = new Set(['OUI', 'O', 'VRAI', 'YES', 'Y', '1', 'X', 'TRUE']);
const FALSE_WORDS = new Set(['NON', 'N', 'FAUX', 'NO', '0', 'FALSE']);

/** "oui"/"non" and their spreadsheet cousins; empty gives the default. */
export function parseBooleanCell(cell: string, fallback: boolean): CellResult<boolean> {
  const key = searchKey(cell);
  if (key === '') return { ok: true, value: fallback };
  if (TRUE_WORDS.has(key)) return { ok: true, value: true };
  if (FALSE_WORDS.has(key)) return { ok: true, value: false };
  return { ok: false, message: `« ${cell.trim()} » n’est ni oui ni non` };
}

/** Names GLPI and client spreadsheets use for the categories, beyond our own labels. */
const CATEGORY_ALIASES: Record<string, EquipmentCategory> = {
  ORDINATEUR: 'desktop',
  ORDINATEURFIXE: 'desktop',
  PC: 'desktop',
  POSTEFIXE: 'desktop',
  POSTEDETRAVAIL: 'desktop',
  DESKTOP: 'desktop',
  COMPUTER: 'desktop',
  PORTABLE: 'laptop',
  ORDINATEURPORTABLE: 'laptop',
  LAPTOP: 'laptop',
  NOTEBOOK: 'laptop',
  IMAC: 'mac',
  MACBOOK: 'mac',
  SERVER: 'server',
  SERVEURS: 'server',
  NAS: 'nas',
  SAUVEGARDE: 'nas',
  ONDULEUR: 'ups',
  UPS: 'ups',
  PAREFEU: 'firewall',
  FIREWALL: 'firewall',
  ROUTER: 'router',
  BORNEWIFI: 'wifi-access-point',
  WIFI: 'wifi-access-point',
  POINTDACCESWIFI: 'wifi-access-point',
  SWITCH: 'switch',
  COMMUTATEUR: 'switch',
  MATERIELRESEAU: 'switch',
  IMPRIMANTE: 'printer',
  PRINTER: 'printer',
  COPIEUR: 'copier',
  PHOTOCOPIEUR: 'copier',
  MONITEUR: 'screen',
  ECRAN: 'screen',
  MONITOR: 'screen',
  TELEPHONE: 'smartphone',
  TELEPHONEPORTABLE: 'smartphone',
  PHONE: 'smartphone',
  TABLETTE: 'tablet',
  PERIPHERIQUE: 'keyboard-mouse',
  LOGICIEL: 'server-software',
  SOFTWARE: 'server-software',
};

const CATEGORY_BY_KEY = new Map<string, EquipmentCategory>([
  ...EQUIPMENT_CATEGORIES.map((c) => [searchKey(c), c] as const),
  ...EQUIPMENT_CATEGORIES.map((c) => [searchKey(CATEGORY_LABELS[c]), c] as const),
  ...Object.entries(CATEGORY_ALIASES),
]);

export function parseCategoryCell(cell: string): CellResult<EquipmentCategory> {
  const key = searchKey(cell);
  if (key === '') return { ok: false, message: 'catégorie manquante' };
  const category = CATEGORY_BY_KEY.get(key);
  return category
    ? { ok: true, value: category }
    : { ok: false, message: `catégorie « ${cell.trim()} » inconnue` };
}

const STATUS_BY_KEY = new Map<string, EquipmentStatus>([
  ...EQUIPMENT_STATUSES.map((s) => [searchKey(s), s] as const),
  ...EQUIPMENT_STATUSES.map((s) => [searchKey(STATUS_LABELS[s]), s] as const),
  ['ACTIF', 'in-service'],
  ['ENPRODUCTION', 'in-service'],
  ['ENUTILISATION', 'in-service'],
  ['REPARATION', 'under-repair'],
  ['ENPANNE', 'under-repair'],
  ['HS', 'retired'],
  ['REBUT', 'retired'],
  ['AUREBUT', 'retired'],
  ['RETIRE', 'retired'],
  ['INACTIF', 'retired'],
]);

/** Empty gives "in service". */
export function parseStatusCell(cell: string): CellResult<EquipmentStatus> {
  const key = searchKey(cell);
  if (key === '') return { ok: true, value: 'in-service' };
  const status = STATUS_BY_KEY.get(key);
  return status
    ? { ok: true, value: status }
    : { ok: false, message: `statut « ${cell.trim()} » inconnu` };
}
