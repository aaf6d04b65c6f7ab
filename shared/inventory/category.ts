/**
 * Equipment categories of 004 art. IV and 002 art. III (domain-rules §2), grouped as the
 * contracts group them: the server fee covers servers and network equipment, the
 * per-workstation fee user equipment.
 */
export type CategoryGroup = 'servers-network' | 'user-equipment' | 'software' | 'other';

/** Each category declared once, in its group; the flat list below keeps this order. */
const GROUPS = {
  'servers-network': [
    'server',
    'ups',
    'nas',
    'storage-array',
    'firewall',
    'router',
    'modem',
    'wifi-access-point',
    'switch',
  ],
  'user-equipment': [
    'desktop',
    'laptop',
    'mac',
    'tablet',
    'smartphone',
    'printer',
    'copier',
    'scanner',
    'screen',
    'docking-station',
    'keyboard-mouse',
  ],
  software: ['operating-system', 'office-suite', 'antivirus', 'mail', 'server-software'],
  other: ['other'],
} as const satisfies Record<CategoryGroup, readonly string[]>;

export type EquipmentCategory = (typeof GROUPS)[CategoryGroup][number];

// `flat()` loses the tuple's non-emptiness that z.enum needs; GROUPS is a non-empty literal.
export const EQUIPMENT_CATEGORIES = Object.values(GROUPS).flat() as [
  EquipmentCategory,
  ...EquipmentCategory[],
];

export const CATEGORY_LABELS: Record<EquipmentCategory, string> = {
  server: 'Serveur',
  ups: 'Onduleur',
  nas: 'Sauvegarde / NAS',
  'storage-array': 'Baie de stockage',
  firewall: 'Pare-feu',
  router: 'Routeur',
  modem: 'Modem',
  'wifi-access-point': 'Borne Wi-Fi',
  switch: 'Switch',
  desktop: 'PC fixe',
  laptop: 'PC portable',
  mac: 'Mac',
  tablet: 'Tablette',
  smartphone: 'Smartphone',
  printer: 'Imprimante',
  copier: 'Copieur',
  scanner: 'Scanner',
  screen: 'Écran',
  'docking-station': 'Station d’accueil',
  'keyboard-mouse': 'Clavier / souris',
  'operating-system': 'Système d’exploitation',
  'office-suite': 'Suite bureautique',
  antivirus: 'Antivirus',
  mail: 'Messagerie',
  'server-software': 'Logiciel serveur',
  other: 'Autre',
};

export const CATEGORY_GROUP_LABELS: Record<CategoryGroup, string> = {
  'servers-network': 'Serveurs et réseau',
  'user-equipment': 'Postes et périphériques',
  software: 'Logiciels',
  other: 'Autre',
};

export function categoryGroupOf(category: EquipmentCategory): CategoryGroup {
  for (const [group, members] of Object.entries(GROUPS) as [
    CategoryGroup,
    readonly EquipmentCategory[],
  ][]) {
    if (members.includes(category)) return group;
  }
  return 'other';
}

export const CATEGORIES_BY_GROUP: Record<CategoryGroup, readonly EquipmentCategory[]> = GROUPS;
