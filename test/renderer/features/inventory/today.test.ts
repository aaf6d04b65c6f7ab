import { describe, expect, it } from 'vitest';
import { today } from '../../../../renderer/features/inventory/today';
import { clock } from '../../../../renderer/platform/clock';

describe('today', () => {
  it('takes "today" from the app clock, in the Paris calendar', () => {
    const real = clock.now;
    try {
      // 23:30 UTC on 23 November is already the 24th in Paris (UTC+1)
      clock.now = () => Date.UTC(2026, 10, 23, 23, 30);
      expect(today()).toBe('2026-11-24');
      clock.now = () => Date.UTC(2026, 10, 23, 22, 30);
      expect(today()).toBe('2026-11-23');
    } finally {
      clock.now = real;
    }
  });
});
