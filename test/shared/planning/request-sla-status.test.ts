import { describe, expect, it } from 'vitest';
import { requestSlaStatus } from '../../../shared/planning/index';
import type { RequestDeadline } from '../../../shared/planning/index';
import { at } from './fixtures';

const deadline: RequestDeadline = { dueAt: at('2026-11-23', '14:30'), basis: 'sla-server-network' };

describe('requestSlaStatus', () => {
  it.each([
    ['arrived before the deadline', at('2026-11-23', '11:00'), at('2026-11-24', '09:00'), 'met'],
    [
      'arrived exactly at the deadline',
      at('2026-11-23', '14:30'),
      at('2026-11-24', '09:00'),
      'met',
    ],
    ['arrived a minute late', at('2026-11-23', '14:31'), at('2026-11-24', '09:00'), 'missed'],
    ['not yet, in time', null, at('2026-11-23', '14:30'), 'open'],
    ['not yet, deadline passed', null, at('2026-11-23', '14:31'), 'late'],
  ] as const)('%s → %s', (_, respondedAt, now, status) => {
    expect(requestSlaStatus(deadline, respondedAt, now).status).toBe(status);
  });

  it('says it in French with the dates', () => {
    expect(requestSlaStatus(deadline, null, at('2026-11-23', '15:00')).message).toBe(
      'En retard : l’échéance était le 23/11/2026 à 14:30.',
    );
    expect(requestSlaStatus(deadline, at('2026-11-23', '11:00'), 0).message).toBe(
      'Intervention le 23/11/2026 à 11:00, délai respecté (échéance le 23/11/2026 à 14:30).',
    );
    expect(requestSlaStatus(null, null, 0)).toEqual({
      status: 'no-deadline',
      message: 'Aucun délai contractuel pour cette demande.',
    });
  });
});
