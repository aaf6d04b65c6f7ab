import { z } from 'zod';
import { draftReportSchema, sealedReportSchema } from '../report/model';
import { reportNumberSchema } from '../report/number';

/**
 * A `reports` record as it travels: the bordereau itself (`status`, `content`, `seal`, the
 * shared report model, draft or sealed) at the top of the record, plus the fields the
 * laptop's lists index (renderer/sync/wire-record.ts). The list fields are optional on the
 * wire (the server needs only `clientId`), but when sent they must agree with the content.
 */
const listFields = {
  clientId: z.uuid(),
  interventionId: z.uuid().optional(),
  number: reportNumberSchema.optional(),
  sealedAt: z.number().int().nonnegative().nullable().optional(),
};

export const reportRecordSchema = z
  .discriminatedUnion('status', [
    draftReportSchema.extend(listFields),
    sealedReportSchema.extend(listFields),
  ])
  .refine((r) => r.number === undefined || r.number === r.content.number, {
    path: ['number'],
    message: 'Le numéro ne correspond pas à celui du bordereau.',
  });
export type ReportRecord = z.infer<typeof reportRecordSchema>;
