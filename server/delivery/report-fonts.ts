import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { REPORT_FONT_FILES } from '../../shared/report/pdf/fonts';
import type { ReportFonts } from '../../shared/report/pdf/fonts';

const require = createRequire(import.meta.url);

let cached: ReportFonts | null = null;

/** The bordereau's embedded font, read once from the `dejavu-fonts-ttf` package. */
export function loadReportFonts(): ReportFonts {
  if (cached) return cached;
  const dir = join(dirname(require.resolve('dejavu-fonts-ttf/package.json')), 'ttf');
  const read = (file: string): string => readFileSync(join(dir, file)).toString('base64');
  cached = {
    regular: read(REPORT_FONT_FILES.regular),
    bold: read(REPORT_FONT_FILES.bold),
    italic: read(REPORT_FONT_FILES.italic),
  };
  return cached;
}
