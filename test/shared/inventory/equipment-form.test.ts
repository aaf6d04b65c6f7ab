import { describe, expect, it } from 'vitest';
import {
  emptyFormValues,
  equipmentFormSchema,
  FUTURE_PURCHASE_MESSAGE,
} from '../../../shared/inventory/equipment-form';
import type { EquipmentFormValues } from '../../../shared/inventory/equipment-form';

const TODAY = '2026-11-23';

function values(overrides: Partial<EquipmentFormValues>): EquipmentFormValues {
  return {
    ...emptyFormValues('019ab0f2-5c00-7a3e-9c1d-2f4b6a8e0c11', null),
    serialNumber: 'SN-1',
    ...overrides,
  };
}

function purchaseDateErrors(
  result: ReturnType<ReturnType<typeof equipmentFormSchema>['safeParse']>,
) {
  return result.success
    ? []
    : result.error.issues.filter((i) => i.path.join('.') === 'purchaseDate').map((i) => i.message);
}

describe('equipment form schema', () => {
  it('refuses a purchase date after today, with a French message on the field', () => {
    const schema = equipmentFormSchema(TODAY);
    for (const purchaseDate of ['2026-11-24', '2030-01-15']) {
      const result = schema.safeParse(values({ purchaseDate }));
      expect(result.success, purchaseDate).toBe(false);
      expect(purchaseDateErrors(result), purchaseDate).toEqual([FUTURE_PURCHASE_MESSAGE]);
    }
    expect(FUTURE_PURCHASE_MESSAGE).toBe('La date d’achat ne peut pas être dans le futur.');
  });

  it('accepts a purchase date today or in the past, and no date at all', () => {
    const schema = equipmentFormSchema(TODAY);
    for (const purchaseDate of [TODAY, '2021-03-01', '']) {
      const result = schema.safeParse(values({ purchaseDate }));
      expect(result.success, purchaseDate).toBe(true);
      if (result.success)
        expect(result.data.purchaseDate).toBe(purchaseDate === '' ? null : purchaseDate);
    }
  });

  it('accepts a warranty ending in the future', () => {
    const result = equipmentFormSchema(TODAY).safeParse(
      values({ purchaseDate: '2025-06-01', warrantyEndDate: '2030-06-01' }),
    );
    expect(result.success).toBe(true);
  });
});
