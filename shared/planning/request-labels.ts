import type { RequestChannel, RequestKind, SlaClass } from './request';

/** French names of a request's kind, channel and response-time class, for screens and CSV. */
export const REQUEST_KIND_LABELS: Record<RequestKind, string> = {
  incident: 'Incident',
  'planned-visit': 'Visite planifiée',
  complementary: 'Prestation complémentaire (sur devis)',
};

export const REQUEST_CHANNEL_LABELS: Record<RequestChannel, string> = {
  phone: 'Téléphone',
  email: 'E-mail',
  'on-site': 'Sur site',
  other: 'Autre',
};

export const SLA_CLASS_LABELS: Record<SlaClass, string> = {
  'server-network': 'Serveurs et réseau (4 h ouvrées)',
  workstation: 'Postes et périphériques (8 h ouvrées)',
  none: 'Sans délai contractuel',
};
