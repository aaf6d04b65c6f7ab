import { useState } from 'react';
import { formatMoney } from '../../../shared/format/money';
// The one euro parser of the forms (digit by digit, never through a float).
import { eurosToCents } from '../../../shared/format/euro-amount';
import type { WorkContextDraft } from './work-draft';

/** Parts and flat fees: from the catalogue or the contract's flat tasks, or a part typed by hand. */
export function WorkPartsFieldset({ context, work, commit }: WorkContextDraft) {
  const { catalogue, contract } = context;
  const [partCode, setPartCode] = useState('');
  const [manualPart, setManualPart] = useState({ label: '', price: '' });
  const manualPriceCents = eurosToCents(manualPart.price);
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
          disabled={manualPart.label.trim() === '' || manualPriceCents === null}
          onClick={() => {
            if (manualPriceCents === null) return;
            const unitPriceCents = manualPriceCents;
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
  );
}
