import { describe, expect, it } from 'vitest';
import { clockMinutes } from '../../../shared/calendar/index';
import { clockText } from '../../../shared/planning/clock-text';

describe('clockText', () => {
  it.each([
    [0, '00:00'],
    [545, '09:05'],
    [1440, '24:00'],
  ])('%i → %s, and back', (minutes, text) => {
    expect(clockText(minutes)).toBe(text);
    expect(clockMinutes(text)).toBe(minutes);
  });
});
