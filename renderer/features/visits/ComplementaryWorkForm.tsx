import { useState } from 'react';
import { formatDuration } from '../../../shared/format/duration';
import type { Equipment } from '../../../shared/inventory/equipment';
import { equipmentLabel } from '../../../shared/visit/build-report';
import type { VisitComplementary, VisitRecord } from '../../../shared/visit/visit-record';
import { FormError } from '../../ui/FormError';
import type { WorkDraft } from './work-draft';

/**
 * Complementary work recorded apart from the included work of the visit, per task or
 * equipment (domain-rules §3): when the visit itself is included (an incident on covered
 * equipment), only this time is billed, through the ladder, or at its quote's flat price.
 */
export function ComplementaryWorkForm({
  work,
  commit,
  equipment,
  quotes,
}: WorkDraft & {
  equipment: readonly Equipment[];
  quotes: VisitRecord['quotes'];
}) {
  const [label, setLabel] = useState('');
  const [equipmentId, setEquipmentId] = useState('');
  const [minutes, setMinutes] = useState('');
  const [quoteNumber, setQuoteNumber] = useState('');
  const [error, setError] = useState<string | null>(null);
  const picked = new Set(work.equipment.map((e) => e.equipmentId));
  const choices = equipment.filter((e) => picked.has(e.id));
  const byId = new Map(equipment.map((e) => [e.id, e]));

  const add = () => {
    const value = Number(minutes);
    if (label.trim() === '') return setError('Décrivez la prestation complémentaire.');
    if (!/^\d{1,6}$/.test(minutes.trim()) || value <= 0)
      return setError('Indiquez le temps passé en minutes.');
    setError(null);
    const entry: VisitComplementary = {
      label: label.trim(),
      equipmentId: equipmentId === '' ? null : equipmentId,
      workedMinutes: value,
      quoteNumber,
    };
    commit({ complementary: [...work.complementary, entry] });
    setLabel('');
    setEquipmentId('');
    setMinutes('');
    setQuoteNumber('');
  };

  return (
    <fieldset>
      <legend>Prestations complémentaires (temps relevé à part)</legend>
      <p className="muted">
        Travaux hors contrat pendant la visite : leur temps seul est facturé si la visite est
        incluse dans l’abonnement.
      </p>
      <ul data-testid="complementary">
        {work.complementary.map((c, i) => {
          const e = c.equipmentId ? byId.get(c.equipmentId) : undefined;
          return (
            <li key={`${c.label}-${i}`}>
              {c.label}
              {e ? ` (${equipmentLabel(e)})` : ''} — {formatDuration(c.workedMinutes)} —{' '}
              {c.quoteNumber === '' ? 'sans devis' : `devis ${c.quoteNumber}`}{' '}
              <button
                type="button"
                className="secondary"
                onClick={() =>
                  commit({ complementary: work.complementary.filter((_, j) => j !== i) })
                }
              >
                Retirer
              </button>
            </li>
          );
        })}
      </ul>
      <div className="form-grid">
        <label className="field">
          Prestation complémentaire
          <input value={label} onChange={(e) => setLabel(e.target.value)} />
        </label>
        <label className="field">
          Équipement
          <select
            aria-label="Équipement de la prestation"
            value={equipmentId}
            onChange={(e) => setEquipmentId(e.target.value)}
          >
            <option value="">— aucun (tâche) —</option>
            {choices.map((e) => (
              <option key={e.id} value={e.id}>
                {equipmentLabel(e)}
                {e.covered ? '' : ' (hors contrat)'}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          Temps passé (minutes)
          <input inputMode="numeric" value={minutes} onChange={(e) => setMinutes(e.target.value)} />
        </label>
        <label className="field">
          Devis signé
          <select
            aria-label="Devis signé"
            value={quoteNumber}
            onChange={(e) => setQuoteNumber(e.target.value)}
          >
            <option value="">— sans devis —</option>
            {quotes.map((q) => (
              <option key={q.content.number} value={q.content.number}>
                {q.content.number} — {q.content.description.slice(0, 60)}
              </option>
            ))}
          </select>
        </label>
      </div>
      <button type="button" className="secondary" onClick={add}>
        Ajouter la prestation complémentaire
      </button>
      <FormError message={error} />
    </fieldset>
  );
}
