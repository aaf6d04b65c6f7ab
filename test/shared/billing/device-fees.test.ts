import { describe, expect, it } from 'vitest';
import {
  contractPreset,
  deviceFeeDetail,
  deviceFees,
  deviceFeesTotal,
} from '../../../shared/billing/index';
import { equipmentSchema } from '../../../shared/inventory/equipment';
import { allance } from './fixtures';

const CLIENT = '0192b3c4-0000-7000-8000-0000000000c1';
let n = 0;
const device = (over: Record<string, unknown>) =>
  equipmentSchema.parse({
    id: `0192b3c4-0000-7000-8000-0000000001${String(n++).padStart(2, '0')}`,
    revision: null,
    updatedAt: 0,
    clientId: CLIENT,
    category: 'desktop',
    serialNumber: `SN-${n}`,
    ...over,
  });

const imri = () =>
  allance({
    ...contractPreset('maintenance'),
    coverage: { ...contractPreset('maintenance').coverage, perDeviceFeeCents: 3000 },
  });

describe('what to bill per device on the subscription (004 art. XI, 002 art. IV.2.1)', () => {
  it('004 art. XI: each covered device at the fee, with its age surcharge; firewall and NAS apart', () => {
    const fees = deviceFees(
      imri(),
      [
        device({ purchaseDate: '2025-01-10' }),
        device({ purchaseDate: '2022-11-22' }),
        device({ purchaseDate: '2020-01-01', category: 'server' }),
        device({ category: 'firewall' }),
        device({ category: 'nas' }),
        device({ covered: false }),
        device({ status: 'retired' }),
      ],
      '2026-11-23',
    );
    expect(fees.map((f) => [f.surchargePercent, f.feeCents])).toEqual([
      [0, 3000],
      [20, 3600],
      [30, 3900],
    ]);
  });

  it('002 art. IV.2.1: undeclared equipment found on site is billed from its discovery date', () => {
    const found = device({
      declared: false,
      discoveredOn: '2026-11-23',
      purchaseDate: '2025-01-01',
    });
    expect(deviceFees(imri(), [found], '2026-11-22')).toEqual([]);
    expect(deviceFees(imri(), [found], '2026-11-23')).toEqual([
      expect.objectContaining({ discoveredOn: '2026-11-23', feeCents: 3000 }),
    ]);
  });

  it('flags a device without purchase date when the surcharge applies; nothing without a per-device fee', () => {
    expect(deviceFees(imri(), [device({})], '2026-11-23')[0]).toMatchObject({ ageUnknown: true });
    expect(deviceFees(allance(), [device({})], '2026-11-23')).toEqual([]);
  });
});

describe('each device fee explains itself to the office', () => {
  it('004 art. XI surcharge, 002 art. IV.2.1 discovery date, unknown age; the total is the sum', () => {
    const fees = deviceFees(
      imri(),
      [
        device({ purchaseDate: '2025-01-10' }),
        device({ purchaseDate: '2022-11-22' }),
        device({}),
        device({ declared: false, discoveredOn: '2026-11-02', purchaseDate: '2020-01-01' }),
      ],
      '2026-11-23',
    );
    expect(fees.map((f) => deviceFeeDetail(imri(), f))).toEqual([
      '30,00\u00a0€',
      '30,00\u00a0€ + 20 % (vétusté, 004 art. XI) = 36,00\u00a0€',
      '30,00\u00a0€ ; date d’achat inconnue : vétusté à vérifier',
      '30,00\u00a0€ + 30 % (vétusté, 004 art. XI) = 39,00\u00a0€ ; découvert sur site le 02/11/2026, facturé depuis cette date (002 art. IV.2.1)',
    ]);
    expect(deviceFeesTotal(fees)).toBe(3000 + 3600 + 3000 + 3900);
    expect(deviceFeesTotal([])).toBe(0);
  });
});
