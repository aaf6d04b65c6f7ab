import { useState } from 'react';
import { formatMoney } from '../../../shared/format/money';
import { INTERRUPTION_REASON_LABELS } from '../../../shared/report/labels';
import { INTERRUPTION_REASONS } from '../../../shared/report/model';
import type { InterruptionReason } from '../../../shared/report/model';
import { getDb } from '../../db/database';
import { updateVisitWork } from '../../db/repositories/interventions';
import { equipmentLabel } from '../../../shared/visit/build-report';
import { clock } from './clock';
import { COMMON_TASKS } from './common-tasks';
import { ComplementaryWorkForm } from './ComplementaryWorkForm';
import { DiscoveredEquipmentForm } from './DiscoveredEquipmentForm';
import type { VisitContext } from './useVisitContext';
import type { VisitWork } from '../../../shared/visit/visit-record';

/**
 * The work record. Text fields are saved when they lose focus, every other control at once:
 * what the technician typed is in IndexedDB before they move on.
 */
export function WorkRecordForm({ context }: { context: VisitContext }) {
  const { visit, equipment, catalogue, contract } = context;
  const [work, setWork] = useState<VisitWork>(visit.work);
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  const [filter, setFilter] = useState('');
  const [partCode, setPartCode] = useState('');
  const [manualPart, setManualPart] = useState({ label: '', price: '' });

  const save = async (next: VisitWork) => {
    try {
      await updateVisitWork(getDb(), visit.id, next, clock.now());
      setError(null);
      setSaved(true);
    } catch (e) {
      const issues = (e as { issues?: { message: string }[] }).issues;
      setError(
        issues?.[0]?.message ?? (e instanceof Error ? e.message : 'Enregistrement impossible.'),
      );
    }
  };
  const edit = (patch: Partial<VisitWork>) => {
    setSaved(false);
    setWork((w) => ({ ...w, ...patch }));
  };
  const commit = (patch: Partial<VisitWork>) => {
    const next = { ...work, ...patch };
    setWork(next);
    void save(next);
  };

  const picked = new Set(work.equipment.map((e) => e.equipmentId));
  const needle = filter.trim().toLowerCase();
  const shown = equipment
    .filter((e) => e.status !== 'retired')
    .filter(
      (e) =>
        needle === '' ||
        [equipmentLabel(e), e.serialNumber, e.assetTag, e.hostname, e.assignedUser]
          .join(' ')
          .toLowerCase()
          .includes(needle),
    )
    .slice(0, 200);
  const checklistLabels = [...new Set([...COMMON_TASKS, ...work.checklist.map((c) => c.label)])];
  const parts = catalogue.filter((c) => c.kind === 'part');
  const flatFees = [
    ...(contract?.flatTasks ?? []).map((t) => ({
      code: t.code,
      label: t.label,
      unitPriceCents: t.priceCents,
    })),
    ...catalogue
      .filter(
        (c) => c.kind === 'flat-fee' && !(contract?.flatTasks ?? []).some((t) => t.code === c.code),
      )
      .map((c) => ({ code: c.code, label: c.label, unitPriceCents: c.unitPriceCents })),
  ];

  return (
    <section className="panel" aria-labelledby="work-title">
      <h2 id="work-title">Compte rendu des travaux</h2>
      <label className="field">
        Travaux réalisés
        <textarea
          rows={6}
          value={work.description}
          onChange={(e) => edit({ description: e.target.value })}
          onBlur={() => void save(work)}
        />
      </label>

      <fieldset>
        <legend>Points de contrôle</legend>
        {checklistLabels.map((label) => {
          const done = work.checklist.find((c) => c.label === label)?.done ?? false;
          return (
            <label key={label} className="check">
              <input
                type="checkbox"
                checked={done}
                onChange={(e) =>
                  commit({
                    checklist: [
                      ...work.checklist.filter((c) => c.label !== label),
                      { label, done: e.target.checked },
                    ].filter((c) => c.done || !COMMON_TASKS.includes(c.label)),
                  })
                }
              />
              {label}
            </label>
          );
        })}
      </fieldset>

      <fieldset>
        <legend>Équipements concernés</legend>
        <label className="field">
          Rechercher dans l’inventaire
          <input
            type="search"
            value={filter}
            onChange={(e) => setFilter(e.target.value)}
            placeholder="N° de série, modèle, utilisateur…"
          />
        </label>
        <ul className="equipment-pick">
          {shown.map((e) => (
            <li key={e.id}>
              <label className="check">
                <input
                  type="checkbox"
                  checked={picked.has(e.id)}
                  onChange={(event) =>
                    commit({
                      equipment: event.target.checked
                        ? [...work.equipment, { equipmentId: e.id, discoveredAt: null }]
                        : work.equipment.filter((p) => p.equipmentId !== e.id),
                    })
                  }
                />
                {equipmentLabel(e)}
                {e.serialNumber && <span className="muted"> · S/N {e.serialNumber}</span>}
                {!e.covered && <span className="badge warn">Hors contrat</span>}
                {!e.declared && <span className="badge warn">Non déclaré</span>}
              </label>
            </li>
          ))}
          {shown.length === 0 && <li className="muted">Aucun équipement ne correspond.</li>}
        </ul>
        <DiscoveredEquipmentForm
          clientId={visit.clientId}
          siteId={visit.siteId}
          onAdded={(created, at) =>
            commit({
              equipment: [...work.equipment, { equipmentId: created.id, discoveredAt: at }],
            })
          }
        />
      </fieldset>

      <ComplementaryWorkForm
        work={work}
        commit={commit}
        equipment={equipment}
        quotes={visit.quotes}
      />

      <fieldset>
        <legend>Pièces et forfaits</legend>
        <ul>
          {work.parts.map((p, i) => (
            <li key={`${p.code}-${i}`}>
              <input
                type="number"
                min={1}
                aria-label={`Quantité de ${p.label}`}
                value={p.quantity}
                onChange={(e) => {
                  const quantity = Math.max(1, Math.trunc(Number(e.target.value) || 1));
                  commit({ parts: work.parts.map((q, j) => (j === i ? { ...q, quantity } : q)) });
                }}
              />{' '}
              {p.label} — {formatMoney(p.unitPriceCents)} HT l’unité{' '}
              <button
                type="button"
                onClick={() => commit({ parts: work.parts.filter((_, j) => j !== i) })}
              >
                Retirer
              </button>
            </li>
          ))}
          {work.flatTasks.map((t, i) => (
            <li key={`${t.code}-${i}`}>
              {t.quantity} × {t.label} (forfait) — {formatMoney(t.unitPriceCents)} HT{' '}
              <button
                type="button"
                onClick={() => commit({ flatTasks: work.flatTasks.filter((_, j) => j !== i) })}
              >
                Retirer
              </button>
            </li>
          ))}
        </ul>
        <div className="row">
          <select
            aria-label="Article du catalogue"
            value={partCode}
            onChange={(e) => setPartCode(e.target.value)}
          >
            <option value="">Choisir une pièce ou un forfait…</option>
            <optgroup label="Pièces">
              {parts.map((p) => (
                <option key={p.id} value={`part:${p.code}`}>
                  {p.code} — {p.label} ({formatMoney(p.unitPriceCents)})
                </option>
              ))}
            </optgroup>
            <optgroup label="Forfaits">
              {flatFees.map((t) => (
                <option key={t.code} value={`flat:${t.code}`}>
                  {t.code} — {t.label} ({formatMoney(t.unitPriceCents)})
                </option>
              ))}
            </optgroup>
          </select>
          <button
            type="button"
            disabled={partCode === ''}
            onClick={() => {
              const [kind, code] = [
                partCode.slice(0, partCode.indexOf(':')),
                partCode.slice(partCode.indexOf(':') + 1),
              ];
              if (kind === 'part') {
                const item = parts.find((p) => p.code === code);
                if (item)
                  commit({
                    parts: [
                      ...work.parts,
                      {
                        code: item.code,
                        label: item.label,
                        reference: item.code,
                        serialNumber: '',
                        quantity: 1,
                        unitPriceCents: item.unitPriceCents,
                      },
                    ],
                  });
              } else {
                const task = flatFees.find((t) => t.code === code);
                if (task) commit({ flatTasks: [...work.flatTasks, { ...task, quantity: 1 }] });
              }
              setPartCode('');
            }}
          >
            Ajouter
          </button>
        </div>
        <div className="row">
          <input
            aria-label="Pièce hors catalogue"
            placeholder="Pièce hors catalogue"
            value={manualPart.label}
            onChange={(e) => setManualPart({ ...manualPart, label: e.target.value })}
          />
          <input
            aria-label="Prix unitaire HT (€)"
            placeholder="Prix HT (€)"
            inputMode="decimal"
            value={manualPart.price}
            onChange={(e) => setManualPart({ ...manualPart, price: e.target.value })}
          />
          <button
            type="button"
            disabled={
              manualPart.label.trim() === '' || !/^\d+([.,]\d{1,2})?$/.test(manualPart.price.trim())
            }
            onClick={() => {
              const [euros, cents = ''] = manualPart.price.trim().replace(',', '.').split('.');
              const unitPriceCents = Number(euros) * 100 + Number(cents.padEnd(2, '0'));
              commit({
                parts: [
                  ...work.parts,
                  {
                    code: '',
                    label: manualPart.label.trim(),
                    reference: '',
                    serialNumber: '',
                    quantity: 1,
                    unitPriceCents,
                  },
                ],
              });
              setManualPart({ label: '', price: '' });
            }}
          >
            Ajouter la pièce
          </button>
        </div>
      </fieldset>

      {visit.header.mode === 'onsite' && (
        <fieldset>
          <legend>Déplacement et frais</legend>
          <div className="grid-4">
            {(
              [
                ['travelKm', 'Kilomètres parcourus'],
                ['meals', 'Repas'],
                ['lodgingNights', 'Nuits d’hébergement'],
              ] as const
            ).map(([key, label]) => (
              <label key={key} className="field">
                {label}
                <input
                  type="number"
                  min={0}
                  step={1}
                  value={work[key]}
                  onChange={(e) =>
                    commit({ [key]: Math.max(0, Math.trunc(Number(e.target.value) || 0)) })
                  }
                />
              </label>
            ))}
          </div>
        </fieldset>
      )}

      <fieldset>
        <legend>Résultat</legend>
        <label className="field">
          Résultat de l’intervention
          <select
            value={work.result.status}
            onChange={(e) =>
              commit({
                result: { ...work.result, status: e.target.value as VisitWork['result']['status'] },
              })
            }
          >
            <option value="resolved">Résolu</option>
            <option value="to-be-continued">À poursuivre</option>
            <option value="interrupted">Interrompu</option>
          </select>
        </label>
        {work.result.status === 'to-be-continued' && (
          <label className="field">
            Suite à donner
            <textarea
              rows={2}
              value={work.result.nextSteps}
              onChange={(e) => edit({ result: { ...work.result, nextSteps: e.target.value } })}
              onBlur={() => void save(work)}
            />
          </label>
        )}
        {work.result.status === 'interrupted' && (
          <>
            <label className="field">
              Motif de l’interruption
              <select
                value={work.result.reason ?? ''}
                onChange={(e) =>
                  commit({
                    result: {
                      ...work.result,
                      reason: e.target.value === '' ? null : (e.target.value as InterruptionReason),
                    },
                  })
                }
              >
                <option value="">Choisir…</option>
                {INTERRUPTION_REASONS.map((r) => (
                  <option key={r} value={r}>
                    {INTERRUPTION_REASON_LABELS[r]}
                  </option>
                ))}
              </select>
            </label>
            <label className="field">
              Précisions
              <textarea
                rows={2}
                value={work.result.detail}
                onChange={(e) => edit({ result: { ...work.result, detail: e.target.value } })}
                onBlur={() => void save(work)}
              />
            </label>
          </>
        )}
      </fieldset>

      <label className="field">
        Recommandations
        <textarea
          rows={3}
          value={work.recommendations}
          onChange={(e) => edit({ recommendations: e.target.value })}
          onBlur={() => void save(work)}
        />
      </label>
      <label className="field">
        Remarques du client
        <textarea
          rows={2}
          value={work.clientRemarks}
          onChange={(e) => edit({ clientRemarks: e.target.value })}
          onBlur={() => void save(work)}
        />
      </label>
      <div className="row">
        <button type="button" className="primary" onClick={() => void save(work)}>
          Enregistrer le compte rendu
        </button>
        {saved && (
          <span role="status" className="muted">
            Enregistré.
          </span>
        )}
      </div>
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}
