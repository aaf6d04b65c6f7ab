import type {
  ClientAbsenceReason,
  InterruptionReason,
  VisitMode,
  VisitType,
  Urgency,
} from './model';
import type { TimerAction } from '../time/events';

/** The French wording the bordereau prints for each coded value. */

export const INTERVENTION_TYPE_LABELS: Readonly<Record<VisitType, string>> = {
  curative: 'Curative (dépannage)',
  preventive: 'Préventive',
  'planned-visit': 'Visite planifiée d’infogérance',
  installation: 'Installation',
  audit: 'Audit',
};

export const INTERVENTION_MODE_LABELS: Readonly<Record<VisitMode, string>> = {
  onsite: 'Sur site',
  remote: 'À distance',
};

export const URGENCY_LABELS: Readonly<Record<Urgency, string>> = {
  normal: 'Normale',
  urgent: 'Urgente',
};

/** 004 art. VIII */
export const INTERRUPTION_REASON_LABELS: Readonly<Record<InterruptionReason, string>> = {
  'no-access': 'Accès impossible aux locaux ou aux équipements',
  'conditions-differ': 'Conditions différentes de celles convenues',
  'missing-licences-or-manuals': 'Licences ou manuels manquants',
  'power-or-internet-failure': 'Coupure d’électricité ou d’accès Internet',
};

export const CLIENT_ABSENCE_LABELS: Readonly<Record<ClientAbsenceReason, string>> = {
  absent: 'Client absent',
  refused: 'Signature refusée par le client',
};

export const TIMER_EVENT_LABELS: Readonly<Record<TimerAction, string>> = {
  start: 'Arrivée (début)',
  pause: 'Début de pause',
  resume: 'Reprise',
  stop: 'Départ (fin)',
};
