import { describe, expect, it } from 'vitest';
import { ageBandOf } from '../../../shared/inventory/age-band';
import { equipmentFieldsSchema } from '../../../shared/inventory/equipment';
import type { EquipmentFields } from '../../../shared/inventory/equipment';
import { filterEquipment, NO_FILTER } from '../../../shared/inventory/equipment-filter';

const CLIENT = '0192b3c4-0000-7000-8000-000000000001';
const today = '2026-11-23';
const item = (over: Partial<EquipmentFields>) =>
  equipmentFieldsSchema.parse({ clientId: CLIENT, category: 'laptop', ...over });

describe('ageBandOf', () => {
  it('uses the billing rule of 004 art. XI', () => {
    expect(ageBandOf(null, today)).toEqual({ band: 'unknown', surchargePercent: null });
    expect(ageBandOf('2023-11-23', today)).toEqual({ band: 'under-3', surchargePercent: 0 });
    expect(ageBandOf('2023-11-22', today)).toEqual({ band: '3-to-4', surchargePercent: 10 });
    expect(ageBandOf('2022-06-01', today).band).toBe('4-to-5');
    expect(ageBandOf('2019-01-01', today)).toEqual({ band: 'over-5', surchargePercent: 30 });
  });
});

describe('filterEquipment', () => {
  const items = [
    item({
      serialNumber: 'AAA111',
      purchaseDate: '2019-01-01',
      warrantyEndDate: '2022-01-01',
      assignedUser: 'Élodie Martin',
    }),
    item({
      serialNumber: 'BBB222',
      category: 'server',
      covered: false,
      warrantyEndDate: '2027-01-10',
    }),
    item({
      serialNumber: 'CCC333',
      declared: false,
      discoveredOn: '2026-11-01',
      status: 'retired',
      hostname: 'AAA-PC',
    }),
  ];
  const serials = (f: Partial<typeof NO_FILTER>) =>
    filterEquipment(items, { ...NO_FILTER, ...f }, today).map((e) => e.serialNumber);

  it('applies each filter', () => {
    expect(serials({})).toEqual(['AAA111', 'BBB222', 'CCC333']);
    expect(serials({ category: 'server' })).toEqual(['BBB222']);
    expect(serials({ covered: 'no' })).toEqual(['BBB222']);
    expect(serials({ declared: 'no' })).toEqual(['CCC333']);
    expect(serials({ status: 'retired' })).toEqual(['CCC333']);
    expect(serials({ warranty: 'expired' })).toEqual(['AAA111']);
    expect(serials({ warranty: 'expires-soon' })).toEqual(['BBB222']);
    expect(serials({ warranty: 'unknown' })).toEqual(['CCC333']);
    expect(serials({ ageBand: 'over-5' })).toEqual(['AAA111']);
    expect(serials({ ageBand: 'unknown', covered: 'yes' })).toEqual(['CCC333']);
  });

  it('searches as you type, serial numbers first', () => {
    expect(serials({ query: 'aaa' })).toEqual(['AAA111', 'CCC333']);
    expect(serials({ query: 'b22' })).toEqual(['BBB222']);
    expect(serials({ query: 'elodie' })).toEqual(['AAA111']);
    expect(serials({ query: 'zzz' })).toEqual([]);
  });
});
