import {
  FIELD_HEADERS,
  IMPORT_FIELDS,
  mappingProblems,
} from '../../../shared/inventory/csv/columns';
import type { ColumnMapping, ImportField } from '../../../shared/inventory/csv/columns';

/** Which column of the file fills each field: guessed from the headers, editable. */
export function ColumnMappingPanel({
  headers,
  mapping,
  onChange,
}: {
  headers: readonly string[];
  mapping: ColumnMapping;
  onChange: (mapping: ColumnMapping) => void;
}) {
  return (
    <div className="panel">
      <h2>Correspondance des colonnes</h2>
      <div className="form-grid">
        {IMPORT_FIELDS.map((field: ImportField) => (
          <div className="field" key={field}>
            <label htmlFor={`map-${field}`}>{FIELD_HEADERS[field]}</label>
            <select
              id={`map-${field}`}
              value={mapping[field] ?? ''}
              onChange={(e) =>
                onChange({
                  ...mapping,
                  [field]: e.target.value === '' ? null : Number(e.target.value),
                })
              }
            >
              <option value="">(ignorer)</option>
              {headers.map((h, i) => (
                <option key={i} value={i}>
                  {h}
                </option>
              ))}
            </select>
          </div>
        ))}
      </div>
      {mappingProblems(mapping).map((p) => (
        <p key={p} className="field-error" role="alert">
          {p}
        </p>
      ))}
    </div>
  );
}
