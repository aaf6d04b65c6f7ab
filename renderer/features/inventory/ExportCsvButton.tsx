import { equipmentToCsv } from '../../../shared/inventory/csv/export';
import type { EquipmentDraft } from '../../../shared/inventory/equipment';
import { downloadText } from '../../ui/download-text';

/** Downloads the client's inventory in the import's own format (Excel FR). */
export function ExportCsvButton({
  clientName,
  items,
  siteNames,
}: {
  clientName: string;
  items: readonly EquipmentDraft[];
  siteNames: ReadonlyMap<string, string>;
}) {
  const exportCsv = () => {
    const safeName =
      clientName
        .normalize('NFD')
        .replace(/[^A-Za-z0-9]+/g, '-')
        .replace(/^-|-$/g, '') || 'client';
    downloadText(
      `inventaire-${safeName}.csv`,
      equipmentToCsv(items, siteNames),
      'text/csv;charset=utf-8',
    );
  };
  return (
    <button type="button" onClick={exportCsv} disabled={items.length === 0}>
      Exporter en CSV
    </button>
  );
}
