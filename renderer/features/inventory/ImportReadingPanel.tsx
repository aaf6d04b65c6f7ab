import { DATE_ORDER_LABELS, DATE_ORDERS } from '../../../shared/inventory/csv/dates';
import type { DateOrder, DateOrderGuess } from '../../../shared/inventory/csv/dates';
import { ENCODING_LABELS, TEXT_ENCODINGS } from '../../../shared/inventory/csv/encoding';
import type { TextEncodingName } from '../../../shared/inventory/csv/encoding';
import type { InventoryFile } from '../../../shared/inventory/csv/read-file';

const LINE_ENDINGS = { CRLF: 'CRLF (Windows)', LF: 'LF (Linux, macOS)', CR: 'CR (ancien Mac)' };

/**
 * How the file was read: the first lines as decoded (accents visible, to catch a wrong
 * encoding at a glance) with the encoding to switch, and the date order with what the data
 * said about it.
 */
export function ImportReadingPanel({
  fileName,
  file,
  dateOrder,
  detected,
  onEncoding,
  onDateOrder,
}: {
  fileName: string;
  file: InventoryFile;
  dateOrder: DateOrder;
  detected: DateOrderGuess;
  onEncoding: (encoding: TextEncodingName) => void;
  onDateOrder: (order: DateOrder) => void;
}) {
  return (
    <div className="panel">
      <h2>Lecture du fichier — {fileName}</h2>
      <p className="muted" data-testid="import-reading">
        {file.format === 'xlsx'
          ? 'Classeur Excel (.xlsx), première feuille'
          : `CSV, séparateur « ${file.delimiter === '\t' ? 'tabulation' : file.delimiter} », fins de ligne ${file.lineEnding ? LINE_ENDINGS[file.lineEnding] : '—'}`}
        , {file.rows.length} ligne{file.rows.length > 1 ? 's' : ''} de données.
      </p>
      {file.encoding !== null && (
        <div className="field">
          <label htmlFor="import-encoding">Encodage des caractères</label>
          <select
            id="import-encoding"
            value={file.encoding}
            onChange={(e) => onEncoding(e.target.value as TextEncodingName)}
          >
            {TEXT_ENCODINGS.map((enc) => (
              <option key={enc} value={enc}>
                {ENCODING_LABELS[enc]}
                {enc === file.encoding && file.encodingFrom !== 'chosen' ? ' — détecté' : ''}
              </option>
            ))}
          </select>
          <span className="muted">
            Vérifiez les accents ci-dessous ; s’ils sont faux (« Ã© », « Ž »), changez l’encodage.
          </span>
        </div>
      )}
      <pre className="import-sample" aria-label="Début du fichier tel que lu">
        {file.sample.join('\n')}
      </pre>
      <div className="field">
        <label htmlFor="import-date-order">Ordre des dates</label>
        <select
          id="import-date-order"
          value={dateOrder}
          onChange={(e) => onDateOrder(e.target.value as DateOrder)}
        >
          {DATE_ORDERS.map((order) => (
            <option key={order} value={order}>
              {DATE_ORDER_LABELS[order]}
            </option>
          ))}
        </select>
        <span className="muted">
          {detected.from === 'data'
            ? `Détecté d’après les dates du fichier : ${DATE_ORDER_LABELS[detected.order]}.`
            : 'Aucune date ne tranche (jour et mois ≤ 12) : ordre français supposé, à vérifier.'}
        </span>
      </div>
    </div>
  );
}
