import type { FieldValues, UseFormReturn } from 'react-hook-form';
import { userMessage } from './user-message';

/**
 * A form's submit handler: `save` runs on the values the resolver validated; if it throws, the
 * form shows the French sentence (userMessage) as its root error, for FormError, and keeps
 * what was typed. One place for the try/catch every saving form needs.
 */
export function submitOrShowError<T extends FieldValues, C, TOut extends FieldValues>(
  form: Pick<UseFormReturn<T, C, TOut>, 'handleSubmit' | 'setError'>,
  save: (values: TOut) => Promise<void>,
  fallback?: string,
) {
  return form.handleSubmit(async (values) => {
    try {
      await save(values);
    } catch (error) {
      form.setError('root', { message: userMessage(error, fallback) });
    }
  });
}
