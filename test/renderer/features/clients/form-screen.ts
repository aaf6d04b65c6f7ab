import { fireEvent, screen } from '@testing-library/react';
import { afterEach, beforeEach, vi } from 'vitest';
import { inventoryWorld, NOW } from '../inventory/inventory-screen';

export { NOW };

/**
 * The client forms' tests: each test gets a fresh laptop with one client (inventoryWorld),
 * the app's clock at NOW. Read `world()` inside a test.
 */
export function withClientWorld(): () => Awaited<ReturnType<typeof inventoryWorld>> {
  let world: Awaited<ReturnType<typeof inventoryWorld>> | undefined;
  beforeEach(async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(NOW);
    world = await inventoryWorld();
  });
  afterEach(() => {
    vi.useRealTimers();
    world?.db.close();
  });
  return () => world!;
}

/** Types `value` into the text or number field labelled exactly `label`. */
export function typeInto(label: string, value: string) {
  fireEvent.change(screen.getByLabelText(label, { exact: true }), { target: { value } });
}
