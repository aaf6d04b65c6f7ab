import type { CSSProperties } from 'react';
import { formatMoney } from '../../../shared/format/money';
import { INTERRUPTION_REASON_LABELS } from '../../../shared/report/labels';
import { equipmentLabel } from '../../../shared/visit/build-report';
import type { VisitContext } from './useVisitContext';
import { VISIT_RESULT_LABELS } from '../../../shared/visit/visit-labels';

// The technician's line breaks are part of what was written.
const PRE_WRAP: CSSProperties = { whiteSpace: 'pre-wrap' };

/**
 * The work record of a signed visit, read only: what the client signed for stays visible on
 * the visit, while any change goes through a new version of the bordereau.
 */
export function WorkRecordSummary({ context }: { context: VisitContext }) {
  const { visit, equipment } = context;
  const { work } = visit;
  const byId = new Map(equipment.map((e) => [e.id, e]));
  return (
    <section className="panel" aria-labelledby="work-summary-title" data-testid="work-summary">
      <h2 id="work-summary-title">Compte rendu des travaux</h2>
      <h3>Travaux réalisés</h3>
      <p style={PRE_WRAP}>{work.description.trim() === '' ? '—' : work.description}</p>

      <h3>Points de contrôle</h3>
      {work.checklist.length === 0 ? (
        <p className="muted">Aucun point de contrôle.</p>
      ) : (
        <ul aria-label="Points de contrôle">
          {work.checklist.map((item) => (
            <li key={item.label}>
              {item.done ? '✓ Fait' : '✗ Non fait'} — {item.label}
            </li>
          ))}
        </ul>
      )}

      <h3>Équipements concernés</h3>
      {work.equipment.length === 0 ? (
        <p className="muted">Aucun équipement.</p>
      ) : (
        <ul aria-label="Équipements concernés">
          {work.equipment.map((picked) => {
            const item = byId.get(picked.equipmentId);
            return (
              <li key={picked.equipmentId}>
                {item ? equipmentLabel(item) : 'Équipement introuvable'}
                {item?.serialNumber ? ` — n° de série ${item.serialNumber}` : ''}
                {picked.discoveredAt !== null ? ' (découvert sur site)' : ''}
              </li>
            );
          })}
        </ul>
      )}

      <h3>Pièces et forfaits</h3>
      {work.parts.length === 0 && work.flatTasks.length === 0 ? (
        <p className="muted">Aucune pièce ni forfait.</p>
      ) : (
        <ul aria-label="Pièces et forfaits">
          {work.parts.map((part, i) => (
            <li key={`part-${i}`}>
              {part.quantity} × {part.label}
              {part.reference ? ` (réf. ${part.reference})` : ''} —{' '}
              {formatMoney(part.unitPriceCents)} HT l’unité
            </li>
          ))}
          {work.flatTasks.map((task) => (
            <li key={`flat-${task.code}`}>
              {task.quantity} × {task.label} (forfait) — {formatMoney(task.unitPriceCents)} HT
            </li>
          ))}
        </ul>
      )}

      <h3>Résultat</h3>
      <p data-testid="work-summary-result">{VISIT_RESULT_LABELS[work.result.status]}</p>
      {work.result.status === 'to-be-continued' && work.result.nextSteps !== '' && (
        <p style={PRE_WRAP}>Suite à donner : {work.result.nextSteps}</p>
      )}
      {work.result.status === 'interrupted' && (
        <p style={PRE_WRAP}>
          {work.result.reason
            ? INTERRUPTION_REASON_LABELS[work.result.reason]
            : 'Motif non précisé'}
          {work.result.detail !== '' ? ` : ${work.result.detail}` : ''}
        </p>
      )}

      <h3>Recommandations</h3>
      <p style={PRE_WRAP}>
        {work.recommendations.trim() === '' ? 'Aucune.' : work.recommendations}
      </p>

      <h3>Observations du client</h3>
      <p style={PRE_WRAP}>
        {work.clientRemarks.trim() === '' ? 'Aucune observation.' : work.clientRemarks}
      </p>
    </section>
  );
}
