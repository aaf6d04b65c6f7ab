import { uuidv7 } from 'uuidv7';
import type { Report } from '../../../shared/report/model';
import type { ReportRowInput } from '../../../shared/office/review-rows';
import { sealedReport, plain } from '../../server/report-fixture';

// The office's review rows, built from real sealed reports (shared by the review, CSV and usage tests).
export const CLIENT_A = uuidv7();
export const CLIENT_B = uuidv7();
export const NAMES = new Map([
  [CLIENT_A, 'ALLANCE SAS'],
  [CLIENT_B, '=HYPERLIEN("http://x")'],
]);
export const DAY = 24 * 60 * 60 * 1000;

export async function signed(
  clientId: string,
  options: {
    technician?: { name: string; code: string };
    shiftDays?: number;
    lines?: {
      label: string;
      htCents: number;
      quantity?: number;
      unitHtCents?: number;
      timeMinutes?: number;
      detail?: string;
    }[];
    billing?: { flags?: string[]; quoteNumbers?: string[] };
    outsideOpeningHours?: boolean;
    type?: Report['content']['intervention']['type'];
    billedMinutes?: number;
  } = {},
): Promise<ReportRowInput> {
  const id = uuidv7();
  const report = plain(await sealedReport(id)) as Report;
  const shift = (options.shiftDays ?? 0) * DAY;
  const content = report.content as unknown as Record<string, unknown> & Report['content'];
  Object.assign(content, {
    issuedAt: content.issuedAt + shift,
    technician: options.technician ?? content.technician,
  });
  Object.assign(content.timeline, {
    arrivalAt: content.timeline.arrivalAt + shift,
    billedMinutes: options.billedMinutes ?? content.timeline.billedMinutes,
    outsideOpeningHours: options.outsideOpeningHours ?? content.timeline.outsideOpeningHours,
  });
  Object.assign(content.intervention, { type: options.type ?? content.intervention.type });
  if (options.lines && content.billing.kind === 'billed') {
    Object.assign(content.billing, {
      lines: options.lines,
      totalHtCents: options.lines.reduce((s, l) => s + l.htCents, 0),
    });
  }
  if (options.billing) Object.assign(content.billing, options.billing);
  return { id, interventionId: uuidv7(), clientId, report };
}
