import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import {
  FIELD_HEADERS,
  guessMapping,
  IMPORT_FIELDS,
  mappingProblems,
} from '../../../shared/inventory/csv/columns';
import type { ColumnMapping, ImportField } from '../../../shared/inventory/csv/columns';
import type { ImportPlan, RejectedRow } from '../../../shared/inventory/csv/import-plan';
import { parseCsv } from '../../../shared/inventory/csv/parse';
import type { ParsedCsv } from '../../../shared/inventory/csv/parse';
import { getDb } from '../../db/database';
import { importEquipment, previewImport } from '../../db/equipment-import';
import { decodeCsvBytes } from './decode-csv';

type Step =
  | { kind: 'file'; error: string | null }
  | {
      kind: 'mapping';
      csv: ParsedCsv;
      fileName: string;
      mapping: ColumnMapping;
      plan: ImportPlan | null;
    }
  | { kind: 'done'; importedCount: number; rejected: readonly RejectedRow[]; fileName: string };

const PREVIEW_ROWS = 5;

/** /clients/:clientId/import — file, column mapping with preview, then the report. */
export function ImportPage() {
  const { clientId = '' } = useParams();
  const db = getDb();
  const client = useLiveQuery(
    () => db.clients.get(clientId).then((c) => c ?? null),
    [db, clientId],
  );
  const [step, setStep] = useState<Step>({ kind: 'file', error: null });
  const [busy, setBusy] = useState(false);
  const back = `/clients/${clientId}`;

  const refreshPlan = async (csv: ParsedCsv, fileName: string, mapping: ColumnMapping) => {
    setStep({ kind: 'mapping', csv, fileName, mapping, plan: null });
    const plan =
      mappingProblems(mapping).length === 0
        ? await previewImport(db, clientId, csv, mapping)
        : null;
    setStep({ kind: 'mapping', csv, fileName, mapping, plan });
  };

  const onFile = async (file: File | undefined) => {
    if (!file) return;
    const decoded = decodeCsvBytes(new Uint8Array(await file.arrayBuffer()));
    if (!decoded.ok) return setStep({ kind: 'file', error: decoded.message });
    const csv = parseCsv(decoded.text);
    if (!csv.ok) return setStep({ kind: 'file', error: csv.message });
    if (csv.rows.length === 0)
      return setStep({
        kind: 'file',
        error: 'Le fichier ne contient que l’en-tête : aucune ligne à importer.',
      });
    await refreshPlan(csv, file.name, guessMapping(csv.headers));
  };

  const runImport = async () => {
    if (step.kind !== 'mapping') return;
    setBusy(true);
    try {
      const result = await importEquipment(db, clientId, step.csv, step.mapping);
      setStep({
        kind: 'done',
        importedCount: result.imported.length,
        rejected: result.rejected,
        fileName: step.fileName,
      });
    } catch (error) {
      setStep({
        kind: 'file',
        error: `Import annulé, rien n’a été enregistré : ${error instanceof Error ? error.message : String(error)}`,
      });
    } finally {
      setBusy(false);
    }
  };

  if (client === undefined) return <p className="muted">Chargement…</p>;
  if (client === null) return <p>Client introuvable.</p>;

  return (
    <section>
      <p>
        <Link to={back}>← {client.name}</Link>
      </p>
      <h1>Importer un inventaire (CSV)</h1>
      {step.kind === 'file' && (
        <div className="panel">
          <div className="field">
            <span>Fichier CSV (UTF-8, séparateur « ; » ou « , »)</span>
            <div className="actions">
              {/* The native file input labels itself in the system language ("Choose File"). */}
              <label className="button primary">
                Choisir un fichier CSV…
                <input
                  id="csv-file"
                  type="file"
                  accept=".csv,text/csv"
                  className="sr-only"
                  aria-label="Fichier CSV (UTF-8, séparateur « ; » ou « , »)"
                  onChange={(e) => void onFile(e.target.files?.[0])}
                />
              </label>
            </div>
          </div>
          {step.error && (
            <p className="field-error" role="alert">
              {step.error}
            </p>
          )}
          <p className="muted">
            Export GLPI ou tableau Excel enregistré en « CSV UTF-8 ». Voir docs/inventory.md pour
            les colonnes reconnues.
          </p>
        </div>
      )}

      {step.kind === 'mapping' && (
        <>
          <div className="panel">
            <h2>Correspondance des colonnes — {step.fileName}</h2>
            <p className="muted">
              {step.csv.rows.length} ligne{step.csv.rows.length > 1 ? 's' : ''} de données,
              séparateur « {step.csv.delimiter === '\t' ? 'tabulation' : step.csv.delimiter} ».
            </p>
            <div className="form-grid">
              {IMPORT_FIELDS.map((field: ImportField) => (
                <div className="field" key={field}>
                  <label htmlFor={`map-${field}`}>{FIELD_HEADERS[field]}</label>
                  <select
                    id={`map-${field}`}
                    value={step.mapping[field] ?? ''}
                    onChange={(e) =>
                      void refreshPlan(step.csv, step.fileName, {
                        ...step.mapping,
                        [field]: e.target.value === '' ? null : Number(e.target.value),
                      })
                    }
                  >
                    <option value="">(ignorer)</option>
                    {step.csv.headers.map((h, i) => (
                      <option key={i} value={i}>
                        {h || `Colonne ${i + 1}`}
                      </option>
                    ))}
                  </select>
                </div>
              ))}
            </div>
            {mappingProblems(step.mapping).map((p) => (
              <p key={p} className="field-error" role="alert">
                {p}
              </p>
            ))}
          </div>
          {step.plan && (
            <div className="panel">
              <h2>Aperçu</h2>
              <p data-testid="import-summary">
                {step.plan.accepted.length} ligne{step.plan.accepted.length > 1 ? 's' : ''} prête
                {step.plan.accepted.length > 1 ? 's' : ''} à importer, {step.plan.rejected.length}{' '}
                rejetée{step.plan.rejected.length > 1 ? 's' : ''}.
              </p>
              {step.plan.accepted.length > 0 && (
                <table aria-label="Aperçu des lignes acceptées">
                  <thead>
                    <tr>
                      <th scope="col">Ligne</th>
                      <th scope="col">N° de série</th>
                      <th scope="col">Nom</th>
                      <th scope="col">Modèle</th>
                    </tr>
                  </thead>
                  <tbody>
                    {step.plan.accepted.slice(0, PREVIEW_ROWS).map((a) => (
                      <tr key={a.line}>
                        <td>{a.line}</td>
                        <td>{a.draft.serialNumber}</td>
                        <td>{a.draft.hostname}</td>
                        <td>{[a.draft.brand, a.draft.model].filter(Boolean).join(' ')}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              )}
              <RejectedTable rows={step.plan.rejected} />
              <div className="actions">
                <button
                  type="button"
                  className="primary"
                  disabled={busy || step.plan.accepted.length === 0}
                  onClick={() => void runImport()}
                >
                  Importer {step.plan.accepted.length} équipement
                  {step.plan.accepted.length > 1 ? 's' : ''}
                </button>
                <button type="button" onClick={() => setStep({ kind: 'file', error: null })}>
                  Choisir un autre fichier
                </button>
              </div>
            </div>
          )}
        </>
      )}

      {step.kind === 'done' && (
        <div className="panel">
          <h2>Rapport d’import</h2>
          <p role="status" data-testid="import-report">
            {step.importedCount} équipement{step.importedCount > 1 ? 's' : ''} importé
            {step.importedCount > 1 ? 's' : ''} depuis {step.fileName}, {step.rejected.length} ligne
            {step.rejected.length > 1 ? 's' : ''} rejetée{step.rejected.length > 1 ? 's' : ''}.
          </p>
          <RejectedTable rows={step.rejected} />
          <Link className="button primary" to={back}>
            Voir l’inventaire
          </Link>
        </div>
      )}
    </section>
  );
}

function RejectedTable({ rows }: { rows: readonly RejectedRow[] }) {
  if (rows.length === 0) return null;
  return (
    <table aria-label="Lignes rejetées">
      <thead>
        <tr>
          <th scope="col">Ligne</th>
          <th scope="col">Motif du rejet</th>
          <th scope="col">Contenu</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.line}>
            <td>{r.line}</td>
            <td>{r.reasons.join(' ; ')}</td>
            <td className="muted">{r.cells.join(' | ')}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
