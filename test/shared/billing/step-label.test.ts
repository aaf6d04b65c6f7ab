import { describe, expect, it } from 'vitest';
import { ladderStepLabel } from '../../../shared/billing/index';
import { NBSP } from '../../../shared/format/index';

const s = (text: string) =>
  text.replaceAll(/(\d) (h|min)/g, `$1${NBSP}$2`).replaceAll(/h (\d)/g, `h${NBSP}$1`);

describe('step labels printed on the report', () => {
  it.each([
    ['onsite', 0, 'Aucun temps facturé'],
    ['onsite', 45, 'Forfait 2 h'],
    ['onsite', 120, 'Forfait 2 h'],
    ['onsite', 165, 'Demi-journée (3 h 30)'],
    ['onsite', 300, 'Journée (7 h)'],
    ['onsite', 421, '1 journée + 2 h'],
    ['onsite', 560, '1 journée + 3 h 30'],
    ['onsite', 631, '2 journées (14 h)'],
    ['onsite', 900, '2 journées + 2 h'],
    ['remote', 0, 'Aucun temps facturé'],
    ['remote', 20, '1 demi-heure'],
    ['remote', 61, '3 demi-heures'],
  ] as const)('%s, %i min → %s', (mode, worked, label) => {
    expect(ladderStepLabel(mode, worked)).toBe(s(label));
  });

  it('follows the tolerance', () => {
    expect(ladderStepLabel('onsite', 125, { toleranceMinutes: 5 })).toBe(s('Forfait 2 h'));
  });
});
