import { zodResolver } from '@hookform/resolvers/zod';
import { useRef, useState } from 'react';
import { useForm } from 'react-hook-form';
import { z } from 'zod';
import { formatDuration } from '../../../shared/format/duration';
import { formatTime } from '../../../shared/format/date';
import { notBeforeLastTap } from '../../../shared/time/events';
import type { TimerAction } from '../../../shared/time/events';
import { visitTimeline } from '../../../shared/time/segments';
import type { VisitState } from '../../../shared/time/segments';
import type { TeamMember } from '../../../shared/visit/team';
import type { VisitRecord } from '../../../shared/visit/visit-record';
import { userMessage } from '../../ui/user-message';
import {
  addTechnician,
  appTeamDeps,
  signTechnician,
  tapTechnician,
} from '../../use-cases/team/record-team';
import { SignaturePadField } from '../signature';
import type { SignaturePadHandle } from '../signature';
import { useNow } from './useNow';
import { FormError } from '../../ui/FormError';

const deps = appTeamDeps;

const BUTTONS: Record<VisitState, readonly (readonly [TimerAction, string])[]> = {
  'not-started': [['start', 'Arrivée']],
  running: [
    ['pause', 'Pause'],
    ['stop', 'Départ'],
  ],
  paused: [
    ['resume', 'Reprise'],
    ['stop', 'Départ'],
  ],
  stopped: [],
};

const addSchema = z.object({
  name: z
    .string()
    .trim()
    .min(1, 'Indiquez le nom du technicien.')
    .max(200, '200 caractères au plus.'),
});

function MemberRow({
  visitId,
  member,
  now,
  editable,
}: {
  visitId: string;
  member: TeamMember;
  now: number;
  editable: boolean;
}) {
  const [error, setError] = useState<string | null>(null);
  const pad = useRef<SignaturePadHandle>(null);
  // A clock set back since the last tap: show the time at that tap rather than fail.
  const timeline = visitTimeline(member.events, notBeforeLastTap(member.events, now));
  const run = async (work: () => Promise<unknown>) => {
    setError(null);
    try {
      await work();
    } catch (e) {
      setError(userMessage(e, 'Action refusée.'));
    }
  };
  const state =
    timeline.state === 'not-started'
      ? 'pas encore arrivé'
      : timeline.state === 'stopped'
        ? `parti à ${formatTime(timeline.departure!)}`
        : `${timeline.state === 'paused' ? 'en pause' : 'sur place'} depuis ${formatTime(timeline.arrival!)}`;
  return (
    <li className="panel" aria-label={`Technicien ${member.name}`}>
      <strong>{member.name}</strong> — {state}
      {timeline.arrival !== null && <> · {formatDuration(timeline.workedMinutes)} travaillées</>}
      {editable && (
        <div className="actions">
          {BUTTONS[timeline.state].map(([action, label]) => (
            <button
              key={action}
              type="button"
              onClick={() =>
                void run(() => tapTechnician(deps(), { visitId, memberId: member.id, action }))
              }
            >
              {label} de {member.name}
            </button>
          ))}
        </div>
      )}
      {member.signature ? (
        <p className="muted">Signé à {formatTime(member.signature.signedAt)}.</p>
      ) : (
        editable &&
        timeline.state === 'stopped' && (
          <>
            <SignaturePadField label={`Signature de ${member.name}`} handle={pad} />
            <button
              type="button"
              onClick={() =>
                void run(() =>
                  signTechnician(deps(), {
                    visitId,
                    memberId: member.id,
                    imagePngDataUrl: pad.current?.toPng() ?? '',
                  }),
                )
              }
            >
              Enregistrer la signature de {member.name}
            </button>
          </>
        )
      )}
      <FormError message={error} />
    </li>
  );
}

/**
 * Other technicians on the visit (issue 15): add one, tap their arrival, pauses and
 * departure, and have them sign once gone. Each one's time is billed through the contract's
 * ladder on its own and printed on the bordereau with their signature.
 */
export function TeamPanel({ visit }: { visit: VisitRecord }) {
  const team = visit.team ?? [];
  const editable = visit.status !== 'signed';
  const now = useNow(editable && team.length > 0);
  const { register, handleSubmit, formState, reset, setError } = useForm({
    resolver: zodResolver(addSchema),
    defaultValues: { name: '' },
  });
  const submit = handleSubmit(async ({ name }) => {
    try {
      await addTechnician(deps(), { visitId: visit.id, name });
      reset();
    } catch (e) {
      setError('name', { message: userMessage(e, 'Ajout impossible.') });
    }
  });
  if (!editable && team.length === 0) return null;
  return (
    <section aria-label="Autres techniciens" className="panel">
      <h2>Autres techniciens</h2>
      {team.length === 0 && <p className="muted">Vous êtes seul sur cette intervention.</p>}
      <ul className="cards">
        {team.map((member) => (
          <MemberRow
            key={member.id}
            visitId={visit.id}
            member={member}
            now={now}
            editable={editable}
          />
        ))}
      </ul>
      {editable && (
        <form onSubmit={(e) => void submit(e)} noValidate aria-label="Ajouter un technicien">
          <div className="field">
            <label htmlFor="team-name">Technicien à ajouter (nom)</label>
            <input
              id="team-name"
              {...register('name')}
              aria-invalid={Boolean(formState.errors.name)}
            />
            {formState.errors.name?.message && (
              <span className="field-error" role="alert">
                {formState.errors.name.message}
              </span>
            )}
          </div>
          <button type="submit" disabled={formState.isSubmitting}>
            Ajouter un technicien
          </button>
        </form>
      )}
    </section>
  );
}
