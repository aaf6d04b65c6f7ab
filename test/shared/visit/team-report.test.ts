import { describe, expect, it } from 'vitest';
import { reportContentSchema } from '../../../shared/report/model';
import { addTeamMember, signTeamMember, tapTeamMember } from '../../../shared/visit/team';
import { teamBilling } from '../../../shared/visit/team-pricing';
import { teamMemberReport } from '../../../shared/visit/team-report';
import { allance, onsite, paris } from '../billing/fixtures';

const PNG = 'data:image/png;base64,iVBORw0KGgoAAAA';
const at = (clock: string) => paris('2026-11-23', clock);

describe('an other technician as the bordereau records them', () => {
  it('their times, billed time, step and signature, valid for the report model', () => {
    let team = addTeamMember([], { id: 'm1', name: 'Sophie Martin' }, 'Jean Dupont');
    team = tapTeamMember(team, 'm1', { eventId: 'a', action: 'start', at: at('10:00') });
    team = tapTeamMember(team, 'm1', { eventId: 'b', action: 'pause', at: at('10:30') });
    team = tapTeamMember(team, 'm1', { eventId: 'c', action: 'resume', at: at('10:45') });
    team = tapTeamMember(team, 'm1', { eventId: 'd', action: 'stop', at: at('11:45') });
    team = signTeamMember(team, 'm1', { signedAt: at('11:46'), imagePngDataUrl: PNG });
    const [billing] = teamBilling(allance(), onsite(165), team);
    const member = teamMemberReport(billing!, at('12:00'));
    expect(member).toEqual({
      name: 'Sophie Martin',
      arrivalAt: at('10:00'),
      departureAt: at('11:45'),
      pauses: [{ startAt: at('10:30'), endAt: at('10:45') }],
      workedMinutes: 90,
      billedMinutes: 120,
      ladderStepLabel: 'Forfait 2\u00a0h',
      signature: { signedAt: at('11:46'), imagePngDataUrl: PNG },
    });
    expect(reportContentSchema.shape.team.safeParse([member]).success).toBe(true);
  });

  it('a technician still on site when the report is drawn up leaves at that time, unsigned', () => {
    let team = addTeamMember([], { id: 'm1', name: 'Sophie Martin' }, 'Jean Dupont');
    team = tapTeamMember(team, 'm1', { eventId: 'a', action: 'start', at: at('10:00') });
    const [billing] = teamBilling(allance(), onsite(165), team, at('11:00'));
    expect(teamMemberReport(billing!, at('11:00'))).toMatchObject({
      departureAt: at('11:00'),
      workedMinutes: 60,
      signature: null,
    });
  });
});
