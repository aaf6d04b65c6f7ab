import { describe, expect, it } from 'vitest';
import { TimerError } from '../../../shared/time/errors';
import { visitRecordSchema } from '../../../shared/visit/visit-record';
import {
  TeamError,
  addTeamMember,
  signTeamMember,
  tapTeamMember,
  teamTimelines,
} from '../../../shared/visit/team';
import { paris } from '../billing/fixtures';

const PNG = 'data:image/png;base64,iVBORw0KGgoAAAA';
const at = (clock: string) => paris('2026-11-23', clock);

describe('several technicians on one visit: each one’s arrival, pauses and departure', () => {
  it('records a second technician’s own timeline (002 art. IV.2.2, time "constatée au départ et en fin")', () => {
    let team = addTeamMember([], { id: 'm1', name: 'Sophie Martin' }, 'Jean Dupont');
    team = tapTeamMember(team, 'm1', { eventId: 'e1', action: 'start', at: at('10:00') });
    team = tapTeamMember(team, 'm1', { eventId: 'e2', action: 'pause', at: at('12:00') });
    team = tapTeamMember(team, 'm1', { eventId: 'e3', action: 'resume', at: at('13:00') });
    team = tapTeamMember(team, 'm1', { eventId: 'e4', action: 'stop', at: at('14:30') });
    const [only] = teamTimelines(team);
    expect(only!.timeline).toMatchObject({
      state: 'stopped',
      arrival: at('10:00'),
      departure: at('14:30'),
      workedMinutes: 210,
    });
    expect(only!.timeline.pauses).toHaveLength(1);
  });

  it('refuses a duplicate name and an impossible tap, leaving the team unchanged', () => {
    const team = addTeamMember([], { id: 'm1', name: 'Sophie Martin' }, 'Jean Dupont');
    expect(() => addTeamMember(team, { id: 'm2', name: 'sophie martin' }, 'Jean Dupont')).toThrow(
      TeamError,
    );
    expect(() => addTeamMember([], { id: 'm2', name: 'Jean Dupont' }, 'Jean Dupont')).toThrow(
      'déjà sur cette intervention',
    );
    expect(() =>
      tapTeamMember(team, 'm1', { eventId: 'e1', action: 'stop', at: at('10:00') }),
    ).toThrow(TimerError);
    expect(() =>
      tapTeamMember(team, 'nobody', { eventId: 'e1', action: 'start', at: at('10:00') }),
    ).toThrow(TeamError);
    expect(team[0]!.events).toEqual([]);
  });

  it('signs only after the departure', () => {
    let team = addTeamMember([], { id: 'm1', name: 'Sophie Martin' }, 'Jean Dupont');
    team = tapTeamMember(team, 'm1', { eventId: 'e1', action: 'start', at: at('10:00') });
    expect(() =>
      signTeamMember(team, 'm1', { signedAt: at('11:00'), imagePngDataUrl: PNG }),
    ).toThrow('départ');
    team = tapTeamMember(team, 'm1', { eventId: 'e2', action: 'stop', at: at('11:00') });
    team = signTeamMember(team, 'm1', { signedAt: at('11:01'), imagePngDataUrl: PNG });
    expect(team[0]!.signature).toEqual({ signedAt: at('11:01'), imagePngDataUrl: PNG });
  });

  it('a visit stored before teams existed still validates, and has no team', () => {
    const stored = {
      id: '0192b3c4-0000-7000-8000-000000000001',
      revision: 3,
      updatedAt: 1,
      clientId: '0192b3c4-0000-7000-8000-000000000002',
      siteId: '0192b3c4-0000-7000-8000-000000000003',
      contractId: 'c-1',
      status: 'in-progress',
      startedAt: null,
      createdAt: 1,
      header: {
        mode: 'onsite',
        type: 'curative',
        urgency: 'normal',
        request: 'Imprimante',
        representative: null,
        clientConfirmedBackup: true,
      },
      events: [],
    };
    const parsed = visitRecordSchema.parse(stored);
    expect(parsed.team).toBeUndefined();
    const withTeam = visitRecordSchema.parse({
      ...stored,
      team: [{ id: 'm1', name: 'Sophie Martin' }],
    });
    expect(withTeam.team).toEqual([
      { id: 'm1', name: 'Sophie Martin', events: [], signature: null },
    ]);
  });
});
