import 'fake-indexeddb/auto';
import Papa from 'papaparse';
import { afterEach, describe, expect, it } from 'vitest';
import {
  billableCsvFile,
  hasBillableRows,
} from '../../../../renderer/use-cases/office/export-billable-csv';
import { loadOfficeReview } from '../../../../renderer/use-cases/office/office-review';
import { visitWorld } from '../visits/visit-world';
import type { VisitWorld } from '../visits/visit-world';
import { signedVisit } from './office-world';

let world: VisitWorld | undefined;
afterEach(() => world?.db.close());

describe('billableCsvFile', () => {
  it('names the file for the clock’s day and holds the signed bordereau’s lines', async () => {
    world = await visitWorld();
    expect(hasBillableRows((await loadOfficeReview(world.deps)).rows)).toBe(false);
    await signedVisit(world);
    const { rows } = await loadOfficeReview(world.deps);
    expect(hasBillableRows(rows)).toBe(true);
    const file = billableCsvFile(world.deps, rows);
    expect(file.fileName).toBe('lignes-facturables-2026-11-23.csv');
    expect(file.type).toBe('text/csv;charset=utf-8');
    const parsed = Papa.parse<string[]>(file.text.slice(1).trim(), { delimiter: ';' });
    expect(parsed.data[0]?.[0]).toBe('N° bordereau');
    expect(parsed.data.slice(1).map((line) => [line[0], line[3], line[8]])).toContainEqual([
      'BI-2026-JD-0001',
      'Cabinet Lefèvre & Associés',
      '280,00',
    ]);
  });
});
