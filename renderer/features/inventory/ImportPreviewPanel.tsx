import { useState } from 'react';
import { formatLocalDate } from '../../../shared/format/date';
import { CATEGORY_LABELS } from '../../../shared/inventory/category';
import type { EquipmentCategory } from '../../../shared/inventory/category';
import { FIELD_HEADERS } from '../../../shared/inventory/csv/columns';
import type { ComparedField, FieldChange } from '../../../shared/inventory/csv/existing-match';
import type {
  AcceptedRow,
  ImportPlan,
  RejectedRow,
} from '../../../shared/inventory/csv/import-plan';
import { rejectedRowsCsv } from '../../../shared/inventory/csv/rejected-csv';
import { STATUS_LABELS } from '../../../shared/inventory/equipment';
import type { EquipmentStatus } from '../../../shared/inventory/equipment';
import type { ImportMode } from '../../use-cases/inventory/import-inventory';
import type { RowIdentity } from '../../use-cases/inventory/import-targets';
import { downloadText } from '../../ui/download-text';
import { NewSiteFromImport } from './NewSiteFromImport';
import { importCounts } from '../../../shared/inventory/csv/import-counts';

const CHANGE_LABELS: Record<ComparedField, string> = {
  category: FIELD_HEADERS.category,
  categoryLabel: 'Catégorie d’origine',
  brand: FIELD_HEADERS.brand,
  model: FIELD_HEADERS.model,
  serialNumber: FIELD_HEADERS.serialNumber,
  assetTag: FIELD_HEADERS.assetTag,
  hostname: FIELD_HEADERS.hostname,
  assignedUser: FIELD_HEADERS.assignedUser,
  siteId: FIELD_HEADERS.site,
  location: FIELD_HEADERS.location,
  purchaseDate: FIELD_HEADERS.purchaseDate,
  warrantyEndDate: FIELD_HEADERS.warrantyEndDate,
  status: FIELD_HEADERS.status,
  statusLabel: 'Statut d’origine',
  covered: FIELD_HEADERS.covered,
  declared: FIELD_HEADERS.declared,
  discoveredOn: FIELD_HEADERS.discoveredOn,
  notes: FIELD_HEADERS.notes,
};

const PAGE_ROWS = 50;

/**
 * The preview: counts, the choice to update the changed equipment or only add the new, every
 * changed field, every accepted row (page by page), every warning, every rejected row with
 * all its reasons (downloadable as a CSV to fix and send back).
 */
export function ImportPreviewPanel({
  plan,
  headers,
  fileName,
  identities,
  siteNames,
  mode,
  onMode,
  clientId,
  onSitesChanged,
}: {
  clientId: string;
  /** A site was created from the preview: compute it again. */
  onSitesChanged: () => void;
  plan: ImportPlan;
  headers: readonly string[];
  fileName: string;
  identities: ReadonlyMap<string, RowIdentity>;
  siteNames: ReadonlyMap<string, string>;
  mode: ImportMode;
  onMode: (mode: ImportMode) => void;
}) {
  const [shown, setShown] = useState(PAGE_ROWS);
  const counts = importCounts(plan);
  const show = (change: FieldChange, value: FieldChange['before']): string => {
    if (value === null) return '(vide)';
    if (typeof value === 'boolean') return value ? 'oui' : 'non';
    if (change.field === 'siteId') return siteNames.get(value) ?? value;
    if (change.field === 'category') return CATEGORY_LABELS[value as EquipmentCategory];
    if (change.field === 'status') return STATUS_LABELS[value as EquipmentStatus];
    if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return formatLocalDate(value);
    return value;
  };
  const identity = (row: AcceptedRow): RowIdentity =>
    row.kind === 'new'
      ? row.draft
      : (identities.get(row.existingId) ?? { serialNumber: '', hostname: '', model: '' });
  const changed = plan.accepted.filter(
    (r): r is Extract<AcceptedRow, { kind: 'changed' }> => r.kind === 'changed',
  );
  return (
    <div className="panel">
      <h2>Aperçu</h2>
      <p data-testid="import-summary">
        {counts.new} nouveau{counts.new > 1 ? 'x' : ''}, {counts.changed} modifié
        {counts.changed > 1 ? 's' : ''}, {counts.unchanged} inchangé
        {counts.unchanged > 1 ? 's' : ''}, {counts.rejected} rejeté{counts.rejected > 1 ? 's' : ''},{' '}
        {counts.warned} avec avertissement.
      </p>
      {counts.changed > 0 && (
        <fieldset>
          <legend>Équipements déjà connus et modifiés par le fichier</legend>
          <label>
            <input
              type="radio"
              name="import-mode"
              checked={mode === 'update'}
              onChange={() => onMode('update')}
            />{' '}
            Ajouter les nouveaux et mettre à jour les modifiés
          </label>
          <label>
            <input
              type="radio"
              name="import-mode"
              checked={mode === 'add-only'}
              onChange={() => onMode('add-only')}
            />{' '}
            Ajouter les nouveaux seulement
          </label>
        </fieldset>
      )}
      {plan.unknownSites.size > 0 && (
        <div>
          <h3>Sites inconnus de ce client</h3>
          <ul aria-label="Sites inconnus">
            {[...plan.unknownSites].map(([name, count]) => (
              <NewSiteFromImport
                key={name}
                clientId={clientId}
                name={name}
                rows={count}
                onCreated={onSitesChanged}
              />
            ))}
          </ul>
        </div>
      )}
      {changed.length > 0 && <h3>Modifications, champ par champ</h3>}
      {changed.length > 0 && (
        <table aria-label="Modifications">
          <thead>
            <tr>
              <th scope="col">Ligne</th>
              <th scope="col">Équipement</th>
              <th scope="col">Modifications</th>
            </tr>
          </thead>
          <tbody>
            {changed.map((row) => {
              const who = identity(row);
              return (
                <tr key={row.line}>
                  <td>{row.line}</td>
                  <td>{who.serialNumber || who.hostname || who.model}</td>
                  <td>
                    {row.changes.map((c) => (
                      <div key={c.field}>
                        {CHANGE_LABELS[c.field]} : {show(c, c.before)} → {show(c, c.after)}
                      </div>
                    ))}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      {plan.accepted.length > 0 && (
        <details>
          <summary>Parcourir les {plan.accepted.length} lignes acceptées</summary>
          <table aria-label="Lignes acceptées">
            <thead>
              <tr>
                <th scope="col">Ligne</th>
                <th scope="col">Import</th>
                <th scope="col">N° de série</th>
                <th scope="col">Nom</th>
                <th scope="col">Modèle</th>
              </tr>
            </thead>
            <tbody>
              {plan.accepted.slice(0, shown).map((row) => {
                const who = identity(row);
                return (
                  <tr key={row.line}>
                    <td>{row.line}</td>
                    <td>{KIND_LABELS[row.kind]}</td>
                    <td>{who.serialNumber}</td>
                    <td>{who.hostname}</td>
                    <td>{who.model}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
          {shown < plan.accepted.length && (
            <button type="button" onClick={() => setShown(shown + PAGE_ROWS)}>
              Afficher {Math.min(PAGE_ROWS, plan.accepted.length - shown)} lignes de plus
            </button>
          )}
        </details>
      )}
      {plan.warnings.length > 0 && <h3>Avertissements (lignes importées, à vérifier)</h3>}
      {plan.warnings.length > 0 && (
        <table aria-label="Avertissements">
          <thead>
            <tr>
              <th scope="col">Ligne</th>
              <th scope="col">Avertissement</th>
            </tr>
          </thead>
          <tbody>
            {plan.warnings.map((w, i) => (
              <tr key={i}>
                <td>{w.line}</td>
                <td>{w.message}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <RejectedRows rows={plan.rejected} headers={headers} fileName={fileName} />
    </div>
  );
}

const KIND_LABELS: Record<AcceptedRow['kind'], string> = {
  new: 'Nouveau',
  changed: 'Modifié',
  unchanged: 'Inchangé',
};

/** Every rejected row with all its reasons, and the download of them as a CSV. */
export function RejectedRows({
  rows,
  headers,
  fileName,
}: {
  rows: readonly RejectedRow[];
  headers: readonly string[];
  fileName: string;
}) {
  if (rows.length === 0) return null;
  const download = () =>
    downloadText(
      `${fileName.replace(/\.[^.]+$/, '')}-lignes-rejetees.csv`,
      rejectedRowsCsv(headers, rows),
      'text/csv;charset=utf-8',
    );
  return (
    <>
      <h3>Lignes rejetées</h3>
      <table aria-label="Lignes rejetées">
        <thead>
          <tr>
            <th scope="col">Ligne</th>
            <th scope="col">Motifs du rejet</th>
            <th scope="col">Contenu</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.line}>
              <td>{r.line}</td>
              <td>
                {r.reasons.map((reason) => (
                  <div key={reason}>{reason}</div>
                ))}
              </td>
              <td className="muted">{r.cells.join(' | ')}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <button type="button" onClick={download}>
        Télécharger les lignes rejetées (CSV)
      </button>
    </>
  );
}
