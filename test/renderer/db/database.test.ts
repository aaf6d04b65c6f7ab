import type { Table } from 'dexie';
import { describe, expectTypeOf, it } from 'vitest';
import type { BordereauDb, EntityRecord, StoredReport } from '../../../renderer/db/database';
import type { SyncedRecord } from '../../../shared/inventory/record';
import type { ReportContent, Seal } from '../../../shared/report/model';
import type { ReportRecord } from '../../../shared/sync/report-record';
import type { VisitRecord } from '../../../shared/visit/visit-record';

type RowOf<T> = T extends Table<infer R, string> ? R : never;

/**
 * The synced tables are typed from the entity registry's schemas: these assertions are
 * checked by the compiler (`npm run typecheck` covers the tests), so a table typed by hand
 * again, or a declaration whose schema no longer reaches its table, fails the build.
 */
describe('the database’s tables, typed from the entity registry', () => {
  it('types a field declared in an entity’s schema on its table (the site’s phone, commit 6ebcdbe)', () => {
    expectTypeOf<RowOf<BordereauDb['sites']>>().toEqualTypeOf<EntityRecord<'sites'>>();
    expectTypeOf<EntityRecord<'sites'>['phone']>().toEqualTypeOf<string>();
  });

  it('keeps a bordereau in its one shape: the report is the record, with its links', () => {
    expectTypeOf<RowOf<BordereauDb['reports']>>().toEqualTypeOf<StoredReport>();
    expectTypeOf<StoredReport>().toExtend<ReportRecord & SyncedRecord>();
    expectTypeOf<StoredReport['content']>().toExtend<ReportContent>();
    expectTypeOf<StoredReport['interventionId']>().toEqualTypeOf<string>();
    expectTypeOf<Extract<StoredReport, { status: 'sealed' }>['seal']>().toEqualTypeOf<Seal>();
    // Nothing copied beside the report, nothing nested under `report`.
    expectTypeOf<StoredReport>().not.toHaveProperty('report');
    expectTypeOf<StoredReport>().not.toHaveProperty('number');
    expectTypeOf<StoredReport>().not.toHaveProperty('sealedAt');
  });

  it('types the visits’ table from the visit’s schema', () => {
    expectTypeOf<RowOf<BordereauDb['interventions']>>().toExtend<VisitRecord>();
  });
});
