const ENTITY_LABELS: Readonly<Record<string, string>> = {
  clients: 'Client',
  sites: 'Site',
  contacts: 'Contact',
  contracts: 'Contrat',
  equipment: 'Équipement',
  subscriptions: 'Abonnement',
  catalogueItems: 'Article du catalogue',
  interventions: 'Intervention',
  reports: 'Bordereau',
  attachments: 'Pièce jointe',
  syncConflicts: 'Conflit',
};

/** A synced entity's name as the user knows it. */
export function entityLabel(entity: string): string {
  return ENTITY_LABELS[entity] ?? entity;
}

const FIELD_LABELS: Readonly<Record<string, string>> = {
  name: 'Nom',
  city: 'Ville',
  address: 'Adresse',
  postcode: 'Code postal',
  phone: 'Téléphone',
  email: 'E-mail',
  siret: 'SIRET',
  notes: 'Notes',
  category: 'Catégorie',
  brand: 'Marque',
  model: 'Modèle',
  serialNumber: 'Numéro de série',
  assetTag: 'Numéro d’inventaire',
  hostname: 'Nom d’hôte',
  assignedUser: 'Utilisateur',
  siteId: 'Site',
  location: 'Emplacement',
  purchaseDate: 'Date d’achat',
  warrantyEndDate: 'Fin de garantie',
  status: 'Statut',
  covered: 'Sous contrat',
  declared: 'Déclaré',
  discoveredOn: 'Date de découverte',
  secretRef: 'Référence du mot de passe',
  renewalDate: 'Date de renouvellement',
  accessNotes: 'Accès',
  openingHours: 'Horaires d’ouverture',
  role: 'Fonction',
};

/** A record field's name as the forms show it (the technical name when unknown). */
export function fieldLabel(field: string): string {
  return FIELD_LABELS[field] ?? field;
}
