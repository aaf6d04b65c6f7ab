import { useState } from 'react';
import { appDeps } from '../../use-cases/deps';
import { exportInventoryCsv } from '../../use-cases/inventory/export-inventory-csv';
import { downloadText } from '../../ui/download-text';
import { FormError } from '../../ui/FormError';
import { userMessage } from '../../ui/user-message';

/**
 * Downloads the client's inventory in the import's own format (Excel FR): every item stored,
 * read when clicked (the page may still be reading the list).
 */
export function ExportCsvButton({
  client,
  disabled,
}: {
  client: { readonly id: string; readonly name: string };
  disabled: boolean;
}) {
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const exportCsv = async () => {
    setBusy(true);
    setError(null);
    try {
      const file = await exportInventoryCsv(appDeps().db, client);
      downloadText(file.fileName, file.text, 'text/csv;charset=utf-8');
    } catch (e) {
      setError(userMessage(e, 'Export de l’inventaire impossible.'));
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <button type="button" onClick={() => void exportCsv()} disabled={disabled || busy}>
        Exporter en CSV
      </button>
      <FormError message={error} />
    </>
  );
}
