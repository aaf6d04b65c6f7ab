import type { VisitState } from '../time/segments';
import type { VisitRecord, VisitResult } from './visit-record';

/** How a visit is listed (the four states technicians and the office talk about). */
export type VisitListStatus = 'running' | 'to-sign' | 'signed' | 'synced';

export const VISIT_LIST_STATUS_LABELS: Record<VisitListStatus, string> = {
  running: 'En cours',
  'to-sign': 'À signer',
  signed: 'Signé',
  synced: 'Synchronisé',
};

/** Synced = signed and the office has acknowledged the record (it carries a server revision). */
export function visitListStatus(visit: VisitRecord, pendingSync: boolean): VisitListStatus {
  if (visit.status === 'in-progress') return 'running';
  if (visit.status === 'to-sign') return 'to-sign';
  return visit.revision !== null && !pendingSync ? 'synced' : 'signed';
}

export const TIMER_STATE_LABELS: Record<VisitState, string> = {
  'not-started': 'Non démarrée',
  running: 'En cours',
  paused: 'En pause',
  stopped: 'Terminée',
};

/** "01:07:09": hours, minutes, seconds of a duration in ms. */
export function formatClock(ms: number): string {
  const total = Math.max(0, Math.floor(ms / 1000));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  return [h, m, s].map((n) => String(n).padStart(2, '0')).join(':');
}

export const VISIT_RESULT_LABELS: Record<VisitResult['status'], string> = {
  resolved: 'Résolu',
  'to-be-continued': 'À poursuivre',
  interrupted: 'Interrompu',
};
