/** The main navigation, in display order. */
export const NAV_ITEMS = [
  { to: '/aujourdhui', label: 'Aujourd’hui' },
  { to: '/clients', label: 'Clients' },
  { to: '/inventaire', label: 'Inventaire' },
  { to: '/interventions', label: 'Interventions' },
  { to: '/synchronisation', label: 'Synchronisation' },
  { to: '/planning', label: 'Planning' },
  { to: '/bureau', label: 'Bureau' },
  { to: '/parametres', label: 'Paramètres' },
] as const;
