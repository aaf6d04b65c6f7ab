import { TZDate } from '@date-fns/tz';
import { format } from 'date-fns';
import { PARIS } from '../../format/date';

/**
 * A PDF date string ("D:20261123125130+01'00'") for `ms`, in Paris time. jsPDF formats a
 * Date in the machine's own zone, which would make the same sealed bordereau render to
 * different bytes on a laptop and on the office server.
 */
export function pdfDate(ms: number): string {
  const paris = new TZDate(ms, PARIS);
  const offset = format(paris, 'xxx').replace(':', "'");
  return `D:${format(paris, 'yyyyMMddHHmmss')}${offset}'`;
}
