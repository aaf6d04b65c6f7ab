import { afterEach, describe, expect, it } from 'vitest';
import type { BordereauDb } from '../../../../renderer/db/database';
import { createClient } from '../../../../renderer/db/repositories/clients';
import { saveContract } from '../../../../renderer/db/repositories/contracts';
import { createEquipment } from '../../../../renderer/db/repositories/equipment';
import { loadDeviceFees } from '../../../../renderer/use-cases/contracts/use-device-fees';
import { contractPreset } from '../../../../shared/billing/contract-presets';
import { freshDb } from '../../db/fresh-db';

let db: BordereauDb | null = null;
afterEach(() => {
  db?.close();
  db = null;
});

describe('the office’s per-device fees of a client (004 art. XI, 002 art. IV.2.1)', () => {
  it('bills each covered device with its surcharge, a discovered one from its discovery date', async () => {
    db = freshDb();
    const client = await createClient(db, { name: 'IMRI Conseil' });
    const other = await createClient(db, { name: 'Autre' });
    const preset = contractPreset('maintenance');
    await saveContract(db, {
      ...preset,
      clientId: client.id,
      reference: 'CT-004',
      startsOn: '2024-01-01',
      hourlyRateCents: 7000,
      coverage: { ...preset.coverage, perDeviceFeeCents: 3000 },
    });
    // A contract without a per-device fee has nothing to show.
    await saveContract(db, {
      clientId: client.id,
      reference: 'CT-REGIE',
      startsOn: '2024-01-01',
      hourlyRateCents: 8000,
    });
    await createEquipment(db, {
      clientId: client.id,
      category: 'laptop',
      serialNumber: 'PF-1',
      purchaseDate: '2022-11-22',
    });
    await createEquipment(db, {
      clientId: client.id,
      category: 'desktop',
      serialNumber: 'PF-2',
      purchaseDate: '2025-06-01',
      declared: false,
      discoveredOn: '2026-11-20',
    });
    await createEquipment(db, { clientId: other.id, category: 'desktop', serialNumber: 'X' });

    const before = await loadDeviceFees(db, client.id, '2026-11-19');
    expect(before).toHaveLength(1);
    expect(before[0]!.rows.map((r) => r.equipment.serialNumber)).toEqual(['PF-1']);
    // 3 years and 362 days old: +10 %; on 23 November, past 4 years: +20 %.
    expect(before[0]!.totalCents).toBe(3300);

    const after = await loadDeviceFees(db, client.id, '2026-11-23');
    expect(after[0]!.contract.reference).toBe('CT-004');
    expect(
      after[0]!.rows.map((r) => [r.equipment.serialNumber, r.feeCents, r.surchargePercent]).sort(),
    ).toEqual([
      ['PF-1', 3600, 20],
      ['PF-2', 3000, 0],
    ]);
    expect(after[0]!.rows.find((r) => r.equipment.serialNumber === 'PF-2')!.detail).toContain(
      'découvert sur site le 20/11/2026',
    );
    expect(after[0]!.totalCents).toBe(6600);
  });
});
