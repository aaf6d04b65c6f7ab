import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useNavigate } from 'react-router';
import { appDeps } from '../../use-cases/deps';
import { startVisitFromJob } from '../../use-cases/today/start-visit-from-job';
import { jobArrivalSchema } from '../../use-cases/today/visit-from-job';
import type { JobArrival } from '../../use-cases/today/visit-from-job';
import { userMessage } from '../../ui/user-message';
import { ClientPresenceFields } from '../visits';

/**
 * On arrival: who of the client is present and whether they confirm a recent backup (000
 * art. 14), then the visit starts, filled from the job, its timer running.
 */
export function StartJobForm({ jobId }: { jobId: string }) {
  const navigate = useNavigate();
  const [failure, setFailure] = useState<string | null>(null);
  const { register, handleSubmit, formState } = useForm<JobArrival>({
    resolver: zodResolver(jobArrivalSchema),
    defaultValues: { representativeName: '', representativeRole: '', clientConfirmedBackup: false },
  });
  const errors = formState.errors;
  const submit = handleSubmit(async (arrival) => {
    setFailure(null);
    try {
      const visit = await startVisitFromJob(appDeps(), jobId, arrival);
      navigate(`/interventions/${visit.id}`);
    } catch (error) {
      setFailure(userMessage(error, 'Intervention non démarrée.'));
    }
  });
  return (
    <form className="start-job" noValidate onSubmit={(e) => void submit(e)}>
      <ClientPresenceFields
        name={register('representativeName')}
        role={register('representativeRole')}
        backup={register('clientConfirmedBackup')}
        nameError={errors.representativeName?.message}
        roleError={errors.representativeRole?.message}
      />
      <button type="submit" className="primary" disabled={formState.isSubmitting}>
        Démarrer l’intervention
      </button>
      {failure && (
        <p className="field-error" role="alert">
          {failure}
        </p>
      )}
    </form>
  );
}
