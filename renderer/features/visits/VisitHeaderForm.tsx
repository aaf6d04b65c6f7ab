import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { appDeps } from '../../use-cases/deps';
import { saveHeader } from '../../use-cases/visits/save-work';
import { FormActions } from '../../ui/FormActions';
import { FormError } from '../../ui/FormError';
import { userMessage } from '../../ui/user-message';
import type { VisitHeader } from '../../../shared/visit/visit-record';
import { visitHeaderFormSchema, visitHeaderFormValues, visitHeaderOf } from './visit-header-form';
import type { VisitHeaderFormValues } from './visit-header-form';
import { VisitHeaderFields } from './VisitHeaderFields';

/** Corrects what was said at the start (the representative arrived later, the mode changed…). */
export function VisitHeaderForm({
  visitId,
  header,
  onDone,
}: {
  visitId: string;
  header: VisitHeader;
  onDone: () => void;
}) {
  const { register, handleSubmit, formState } = useForm<VisitHeaderFormValues>({
    resolver: zodResolver(visitHeaderFormSchema),
    defaultValues: visitHeaderFormValues(header),
  });
  const [error, setError] = useState<string | null>(null);

  const save = handleSubmit(async (values) => {
    setError(null);
    try {
      // When the client called is kept: it is set from the request or the SLA panel.
      await saveHeader(appDeps(), {
        visitId,
        header: { ...visitHeaderOf(values, false), requestedAt: header.requestedAt },
      });
      onDone();
    } catch (e) {
      setError(userMessage(e, 'Modification refusée.'));
    }
  });

  return (
    <form
      className="panel"
      aria-label="Modifier l’en-tête de l’intervention"
      noValidate
      onSubmit={(e) => void save(e)}
    >
      <VisitHeaderFields register={register} showIncluded />
      <FormActions
        submitLabel="Enregistrer"
        submitting={formState.isSubmitting}
        onCancel={onDone}
      />
      <FormError message={error} />
    </form>
  );
}
