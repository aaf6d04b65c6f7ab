import { findEntityDeclaration } from '../../../shared/sync/entity-registry';

/** A synced entity's name as the user knows it (its declaration's, shared/sync/entity-registry.ts). */
export function entityLabel(entity: string): string {
  return findEntityDeclaration(entity)?.labels.singular ?? entity;
}

/** The same, for several records ("Équipements"). */
export function entityPluralLabel(entity: string): string {
  return findEntityDeclaration(entity)?.labels.plural ?? entity;
}

/** Field names shared by several entities; an entity's own words come first (fieldLabels). */
const FIELD_LABELS: Readonly<Record<string, string>> = {
  name: 'Nom',
  city: 'Ville',
  address: 'Adresse',
  postcode: 'Code postal',
  phone: 'Téléphone',
  email: 'E-mail',
  siret: 'SIRET',
  notes: 'Notes',
  siteId: 'Site',
  status: 'Statut',
  renewalDate: 'Date de renouvellement',
  accessNotes: 'Accès',
  openingHours: 'Horaires d’ouverture',
  secretRef: 'Référence du mot de passe',
};

/** A record field's name as the forms show it (the technical name when unknown). */
export function fieldLabel(field: string, entity?: string): string {
  const own = entity === undefined ? undefined : findEntityDeclaration(entity)?.fieldLabels;
  return own?.[field] ?? FIELD_LABELS[field] ?? field;
}
