import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { guessMapping, mappingProblems } from '../../../shared/inventory/csv/columns';
import type { ColumnMapping } from '../../../shared/inventory/csv/columns';
import type { DateOrder } from '../../../shared/inventory/csv/dates';
import type { TextEncodingName } from '../../../shared/inventory/csv/encoding';
import type { ImportAnalysis } from '../../../shared/inventory/csv/import-analysis';
import type { ImportWarning, RejectedRow } from '../../../shared/inventory/csv/import-plan';
import type { InventoryFile } from '../../../shared/inventory/csv/read-file';
import type { ValueMapping } from '../../../shared/inventory/csv/value-mapping';
import { appDeps } from '../../use-cases/deps';
import {
  importInventory,
  importWrites,
  previewInventoryImport,
  readImportFile,
} from '../../use-cases/inventory/import-inventory';
import type { ImportMode } from '../../use-cases/inventory/import-inventory';
import { useImportTargets } from '../../use-cases/inventory/import-targets';
import { FormError } from '../../ui/FormError';
import { userMessage } from '../../ui/user-message';
import { ColumnMappingPanel } from './ColumnMappingPanel';
import { ImportPreviewPanel, RejectedRows } from './ImportPreviewPanel';
import { ImportReadingPanel } from './ImportReadingPanel';
import { ValueMappingPanel } from './ValueMappingPanel';

/** The file as read, and the user's choices so far (left out: guessed). */
interface Loaded {
  readonly kind: 'mapping';
  readonly fileName: string;
  readonly bytes: Uint8Array;
  readonly file: InventoryFile;
  readonly mapping?: ColumnMapping;
  readonly dateOrder?: DateOrder;
  readonly values?: ValueMapping;
  readonly mode: ImportMode;
  readonly analysis: ImportAnalysis | null;
}

type Step =
  | { kind: 'file'; error: string | null }
  | Loaded
  | { kind: 'importing'; fileName: string; done: number; total: number }
  | {
      kind: 'done';
      fileName: string;
      headers: readonly string[];
      imported: number;
      updated: number;
      unchanged: number;
      rejected: readonly RejectedRow[];
      warnings: readonly ImportWarning[];
    };

const UNREADABLE = 'Le fichier n’a pas pu être lu : vérifiez qu’il s’agit d’un CSV ou d’un .xlsx.';

/** /clients/:clientId/import — file, reading and mapping with preview, then the report. */
export function ImportPage() {
  const { clientId = '' } = useParams();
  const targets = useImportTargets(clientId);
  const [step, setStep] = useState<Step>({ kind: 'file', error: null });
  const back = `/clients/${clientId}`;

  /** Analyses the file again with the choices made so far. */
  const refresh = async (loaded: Omit<Loaded, 'analysis'>) => {
    setStep({ ...loaded, analysis: null });
    try {
      const analysis = await previewInventoryImport(appDeps(), {
        clientId,
        file: loaded.file,
        choices: { mapping: loaded.mapping, dateOrder: loaded.dateOrder, values: loaded.values },
      });
      // Later choices start from what the analysis settled (mapping guessed once, then edited).
      setStep({ ...loaded, mapping: analysis.mapping, analysis });
    } catch (error) {
      setStep({ kind: 'file', error: userMessage(error, UNREADABLE) });
    }
  };

  const load = async (fileName: string, bytes: Uint8Array, encoding?: TextEncodingName) => {
    try {
      const file = await readImportFile(bytes, encoding);
      if (!file.ok) return setStep({ kind: 'file', error: file.message });
      await refresh({ kind: 'mapping', fileName, bytes, file, mode: 'update' });
    } catch (error) {
      setStep({ kind: 'file', error: userMessage(error, UNREADABLE) });
    }
  };

  const onFile = async (file: File | undefined) => {
    if (!file) return;
    try {
      await load(file.name, new Uint8Array(await file.arrayBuffer()));
    } catch (error) {
      setStep({ kind: 'file', error: userMessage(error, UNREADABLE) });
    }
  };

  const runImport = async (loaded: Loaded) => {
    if (!loaded.analysis) return;
    const total = loaded.file.rows.length;
    setStep({ kind: 'importing', fileName: loaded.fileName, done: 0, total });
    try {
      const result = await importInventory(appDeps(), {
        clientId,
        file: loaded.file,
        choices: {
          mapping: loaded.analysis.mapping,
          dateOrder: loaded.analysis.dateOrder,
          values: loaded.analysis.values,
        },
        mode: loaded.mode,
        onProgress: (done) =>
          setStep({ kind: 'importing', fileName: loaded.fileName, done, total }),
      });
      setStep({
        kind: 'done',
        fileName: loaded.fileName,
        headers: loaded.file.headers,
        imported: result.imported.length,
        updated: result.updated.length,
        unchanged: result.unchanged,
        rejected: result.rejected,
        warnings: result.warnings,
      });
    } catch (error) {
      setStep({
        kind: 'file',
        error: `Import annulé, rien n’a été enregistré : ${userMessage(error)}`,
      });
    }
  };

  if (targets === undefined) return <p className="muted">Chargement…</p>;
  if (targets === null) return <p>Client introuvable.</p>;

  return (
    <section>
      <p>
        <Link to={back}>← {targets.clientName}</Link>
      </p>
      <h1>Importer un inventaire</h1>
      {step.kind === 'file' && (
        <div className="panel">
          <div className="field">
            <span>Fichier CSV ou Excel (.xlsx)</span>
            <div className="actions">
              {/* The native file input labels itself in the system language ("Choose File"). */}
              <label className="button primary">
                Choisir un fichier…
                <input
                  id="csv-file"
                  type="file"
                  accept=".csv,.txt,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
                  className="sr-only"
                  aria-label="Fichier CSV ou Excel (.xlsx)"
                  onChange={(e) => void onFile(e.target.files?.[0])}
                />
              </label>
            </div>
          </div>
          <FormError message={step.error} />
          <p className="muted">
            Export GLPI, tableau Excel (.xlsx ou CSV, quel que soit son encodage) ou export d’un
            autre outil d’inventaire. Voir docs/inventory.md pour les colonnes reconnues.
          </p>
        </div>
      )}

      {step.kind === 'mapping' && (
        <>
          <ImportReadingPanel
            fileName={step.fileName}
            file={step.file}
            dateOrder={step.analysis?.dateOrder ?? step.dateOrder ?? 'dmy'}
            detected={step.analysis?.detectedDateOrder ?? { order: 'dmy', from: 'default' }}
            onEncoding={(encoding) => void load(step.fileName, step.bytes, encoding)}
            onDateOrder={(dateOrder) => void refresh({ ...step, dateOrder })}
          />
          <ColumnMappingPanel
            headers={step.file.headers}
            mapping={step.mapping ?? guessMapping(step.file.headers)}
            // A new category or status column brings new values: their mapping is guessed again.
            onChange={(mapping) => void refresh({ ...step, mapping, values: undefined })}
          />
          {step.analysis && (
            <>
              <ValueMappingPanel
                categories={step.analysis.categoryValues}
                statuses={step.analysis.statusValues}
                values={step.analysis.values}
                onChange={(values) => void refresh({ ...step, values })}
              />
              {mappingProblems(step.analysis.mapping).length === 0 && (
                <ImportPreviewPanel
                  plan={step.analysis.plan}
                  headers={step.file.headers}
                  fileName={step.fileName}
                  identities={targets.identities}
                  siteNames={targets.siteNames}
                  mode={step.mode}
                  onMode={(mode) => setStep({ ...step, mode })}
                  clientId={clientId}
                  onSitesChanged={() => void refresh(step)}
                />
              )}
              <div className="actions">
                <button
                  type="button"
                  className="primary"
                  disabled={
                    mappingProblems(step.analysis.mapping).length > 0 ||
                    importWrites(step.analysis, step.mode) === 0
                  }
                  onClick={() => void runImport(step)}
                >
                  Importer ({importWrites(step.analysis, step.mode)} équipement
                  {importWrites(step.analysis, step.mode) > 1 ? 's' : ''})
                </button>
                <button type="button" onClick={() => setStep({ kind: 'file', error: null })}>
                  Choisir un autre fichier
                </button>
              </div>
            </>
          )}
        </>
      )}

      {step.kind === 'importing' && (
        <div className="panel">
          <h2>Import en cours — {step.fileName}</h2>
          <progress
            value={step.done}
            max={Math.max(1, step.total)}
            aria-label="Avancement de l’import"
          />
          <p className="muted">
            {step.done} / {step.total} lignes
          </p>
        </div>
      )}

      {step.kind === 'done' && (
        <div className="panel">
          <h2>Rapport d’import</h2>
          <p role="status" data-testid="import-report">
            {step.fileName} : {step.imported} équipement{step.imported > 1 ? 's' : ''} ajouté
            {step.imported > 1 ? 's' : ''}, {step.updated} mis à jour, {step.unchanged} inchangé
            {step.unchanged > 1 ? 's' : ''}, {step.rejected.length} ligne
            {step.rejected.length > 1 ? 's' : ''} rejetée{step.rejected.length > 1 ? 's' : ''},{' '}
            {new Set(step.warnings.map((w) => w.line)).size} avec avertissement.
          </p>
          <RejectedRows rows={step.rejected} headers={step.headers} fileName={step.fileName} />
          <Link className="button primary" to={back}>
            Voir l’inventaire
          </Link>
        </div>
      )}
    </section>
  );
}
