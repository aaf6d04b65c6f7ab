import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { loginFormSchema, signIn } from '../../use-cases/sync/sign-in';
import type { LoginForm as LoginValues } from '../../use-cases/sync/sign-in';
import { appSyncDeps } from '../../use-cases/sync/sync-deps';
import { Field } from '../../ui/Field';
import { FormError } from '../../ui/FormError';
import { userMessage } from '../../ui/user-message';

/** Connects this laptop to the office server; the token goes to the shell's secure storage. */
export function LoginForm({ serverUrl }: { serverUrl: string }) {
  const [failure, setFailure] = useState<string | null>(null);
  const form = useForm<LoginValues>({
    resolver: zodResolver(loginFormSchema),
    defaultValues: { serverUrl, email: '', password: '' },
  });
  const { register, handleSubmit, formState } = form;
  const errors = formState.errors;
  const submit = handleSubmit(async (values) => {
    setFailure(null);
    try {
      await signIn(appSyncDeps(), values);
    } catch (error) {
      setFailure(userMessage(error));
    }
  });
  return (
    <form
      className="panel"
      onSubmit={(e) => void submit(e)}
      noValidate
      aria-labelledby="login-title"
    >
      <h2 id="login-title">Connexion au serveur du bureau</h2>
      <Field
        label="Adresse du serveur"
        error={errors.serverUrl?.message}
        hint="Par exemple https://bordereau.mon-entreprise.fr"
      >
        {(p) => <input {...p} {...register('serverUrl')} type="url" autoComplete="url" />}
      </Field>
      <Field label="E-mail" error={errors.email?.message}>
        {(p) => <input {...p} {...register('email')} type="email" autoComplete="username" />}
      </Field>
      <Field label="Mot de passe" error={errors.password?.message}>
        {(p) => (
          <input {...p} {...register('password')} type="password" autoComplete="current-password" />
        )}
      </Field>
      <FormError message={failure} />
      <button type="submit" className="primary" disabled={formState.isSubmitting}>
        {formState.isSubmitting ? 'Connexion…' : 'Se connecter'}
      </button>
    </form>
  );
}
