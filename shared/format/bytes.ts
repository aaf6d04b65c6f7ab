const UNITS = ['o', 'Ko', 'Mo', 'Go', 'To'];

/** Byte sizes the way French software shows them ("12,5 Mo"). */
export function formatBytes(bytes: number): string {
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < UNITS.length - 1) {
    value /= 1024;
    unit += 1;
  }
  const digits = unit === 0 || value >= 100 ? 0 : 1;
  return `${new Intl.NumberFormat('fr-FR', { maximumFractionDigits: digits }).format(value)} ${UNITS[unit]}`;
}
