/** The checklist offered on every work record; the technician ticks what was done. */
export const COMMON_TASKS: readonly string[] = [
  'Vérification de la dernière sauvegarde avant intervention',
  'Diagnostic matériel et contrôle des journaux',
  'Mises à jour système et antivirus',
  'Remplacement de pièce',
  'Contrôle de l’onduleur et de l’alimentation',
  'Test de fonctionnement avec l’utilisateur',
];
