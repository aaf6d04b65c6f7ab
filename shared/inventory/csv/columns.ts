import { searchKey } from '../search-key';

/** The equipment fields our CSV export writes, in its order (the import reads them back). */
export const EXPORT_FIELDS = [
  'category',
  'brand',
  'model',
  'serialNumber',
  'assetTag',
  'hostname',
  'assignedUser',
  'site',
  'location',
  'purchaseDate',
  'warrantyEndDate',
  'status',
  'covered',
  'declared',
  'discoveredOn',
  'notes',
] as const;

/**
 * The fields a file's column can fill: the export's, plus GLPI's warranty start and
 * duration (the import computes the end from them when no end date is given).
 */
export const IMPORT_FIELDS = [...EXPORT_FIELDS, 'warrantyStartDate', 'warrantyMonths'] as const;
export type ImportField = (typeof IMPORT_FIELDS)[number];

/** The header the export writes for each field (and the first one the import recognises). */
export const FIELD_HEADERS: Record<ImportField, string> = {
  category: 'Catégorie',
  brand: 'Fabricant',
  model: 'Modèle',
  serialNumber: 'Numéro de série',
  assetTag: 'Numéro d’inventaire',
  hostname: 'Nom',
  assignedUser: 'Utilisateur',
  site: 'Site',
  location: 'Lieu',
  purchaseDate: 'Date d’achat',
  warrantyEndDate: 'Fin de garantie',
  status: 'Statut',
  covered: 'Sous contrat',
  declared: 'Déclaré',
  discoveredOn: 'Date de découverte',
  notes: 'Commentaires',
  warrantyStartDate: 'Début de garantie',
  warrantyMonths: 'Durée de garantie (mois)',
};

/**
 * Other headers seen in the wild: Excel sheets typed by clients and GLPI exports (French
 * interface: "Nom", "Numéro de série", "Numéro d'inventaire", "Fabricant", "Modèle",
 * "Type", "Lieu", "Utilisateur", "Statut"…), compared after normalisation.
 */
const ALIASES: Record<ImportField, readonly string[]> = {
  category: ['Catégorie', 'Type', 'Type de matériel', 'Famille', 'Category', 'Asset type'],
  brand: ['Fabricant', 'Marque', 'Constructeur', 'Manufacturer', 'Brand'],
  model: ['Modèle', 'Modele', 'Model', 'Référence'],
  serialNumber: [
    'Numéro de série',
    'N° de série',
    'No de série',
    'Numéro série',
    'Serial',
    'Serial number',
    'S/N',
    'SN',
  ],
  assetTag: [
    'Numéro d’inventaire',
    "Numéro d'inventaire",
    'N° d’inventaire',
    "N° d'inventaire",
    'Inventaire',
    'Étiquette',
    'Asset tag',
    'Asset number',
    'Inventory number',
    'Otherserial',
  ],
  hostname: [
    'Nom',
    'Nom d’hôte',
    "Nom d'hôte",
    'Hostname',
    'Nom du poste',
    'Nom machine',
    'Name',
    'Computer name',
    'Device name',
  ],
  assignedUser: [
    'Utilisateur',
    'Usager',
    'Utilisateur affecté',
    'Attribué à',
    'User',
    'Assigned to',
    'Assigned user',
  ],
  site: ['Site', 'Établissement', 'Agence'],
  location: ['Lieu', 'Emplacement', 'Pièce', 'Salle', 'Bureau', 'Location'],
  purchaseDate: [
    'Date d’achat',
    "Date d'achat",
    'Mise en service',
    'Date de mise en service',
    'Achat',
    'Purchase date',
    'Date of purchase',
  ],
  warrantyEndDate: [
    'Fin de garantie',
    'Date de fin de garantie',
    'Garantie',
    'Expiration de la garantie',
    'Warranty end',
    'Warranty end date',
    'Warranty expiration',
  ],
  status: ['Statut', 'État', 'Etat', 'Status'],
  covered: ['Sous contrat', 'Couvert', 'Contrat', 'Couvert par le contrat', 'Covered'],
  declared: ['Déclaré', 'Declare', 'Declared'],
  discoveredOn: ['Date de découverte', 'Découvert le', 'Discovered'],
  notes: ['Commentaires', 'Commentaire', 'Notes', 'Note', 'Remarques', 'Observations', 'Comments'],
  warrantyStartDate: [
    'Date de début de garantie',
    'Début de garantie',
    'Warranty start date',
    'Warranty start',
  ],
  warrantyMonths: [
    'Durée de garantie',
    'Durée de garantie (mois)',
    'Garantie (mois)',
    'Warranty duration',
    'Warranty months',
  ],
};

/**
 * GLPI names a column of a linked object after it: "Informations financières et
 * administratives - Date de début de garantie". The part after the last " - " is compared
 * too.
 */
function headerKeys(header: string): string[] {
  const keys = [searchKey(header)];
  const dash = header.lastIndexOf(' - ');
  if (dash >= 0) keys.push(searchKey(header.slice(dash + 3)));
  return keys;
}

/** Which file column fills each field; null when none does. */
export type ColumnMapping = Record<ImportField, number | null>;

/**
 * Guesses the mapping from the headers: each field takes the first column whose normalised
 * header equals one of its names, and a column fills one field only. The user reviews and
 * corrects it in the mapping step.
 */
export function guessMapping(headers: readonly string[]): ColumnMapping {
  const keys = headers.map(headerKeys);
  const taken = new Set<number>();
  const mapping = Object.fromEntries(IMPORT_FIELDS.map((f) => [f, null])) as ColumnMapping;
  for (const field of IMPORT_FIELDS) {
    for (const alias of ALIASES[field]) {
      const index = keys.findIndex((k, i) => !taken.has(i) && k.includes(searchKey(alias)));
      if (index >= 0) {
        mapping[field] = index;
        taken.add(index);
        break;
      }
    }
  }
  return mapping;
}

/** A mapping must at least say which equipment it is. */
export function mappingProblems(mapping: ColumnMapping): string[] {
  const identifying: ImportField[] = ['serialNumber', 'assetTag', 'hostname', 'model'];
  if (identifying.every((f) => mapping[f] === null)) {
    return [
      'Associez au moins une colonne au numéro de série, au numéro d’inventaire, au nom ou au modèle.',
    ];
  }
  return [];
}

/**
 * The other columns that had the same header as column `index` in the file ("Commentaire"
 * twice became "Commentaire" and "Commentaire (2)", see uniqueHeaders) and fill no field:
 * their text joins the notes rather than being lost.
 */
export function sameHeaderColumns(
  headers: readonly string[],
  mapping: ColumnMapping,
  index: number | null,
): number[] {
  if (index === null) return [];
  const base = headers[index]!;
  const used = new Set(Object.values(mapping).filter((c): c is number => c !== null));
  return headers
    .map((h, i) => ({ h, i }))
    .filter(
      ({ h, i }) =>
        !used.has(i) && h.startsWith(`${base} (`) && /^ \(\d+\)$/.test(h.slice(base.length)),
    )
    .map(({ i }) => i);
}
