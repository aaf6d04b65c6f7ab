// What other features use of the inventory feature.
export { ExportCsvButton } from './ExportCsvButton';
export { InventoryTable } from './InventoryTable';
export { today } from './today';
