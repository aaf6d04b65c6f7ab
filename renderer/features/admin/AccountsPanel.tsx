import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import type { AccountSummary } from '../../../shared/admin/admin-protocol';
import { resetPasswordRequestSchema } from '../../../shared/admin/admin-protocol';
import { formatDateTime } from '../../../shared/format/date';
import { createAccountRequestSchema } from '../../../shared/sync/protocol';
import type { CreateAccountRequest } from '../../../shared/sync/protocol';
import { Field } from '../../ui/Field';
import type { AdminApi } from '../../use-cases/admin/use-admin';
import { AdminMessages } from './AdminMessages';
import { useAdmin } from '../../use-cases/admin/use-admin';
import { FormError } from '../../ui/FormError';

const loadAccounts = (api: AdminApi) => api.accounts();

const ROLE_LABELS = { office: 'Bureau', technician: 'Technicien' } as const;

function lastSync(account: AccountSummary): string {
  const seen = account.devices
    .map((d) => d.lastPushAt)
    .filter((t): t is number => t !== null)
    .sort((a, b) => b - a)[0];
  const devices = `${account.devices.length} poste(s)`;
  return seen ? `${formatDateTime(seen)} (${devices})` : `jamais (${devices})`;
}

/** Accounts: create one, change its role, reset its password, disable or enable it. */
export function AccountsPanel({ selfId }: { selfId: string }) {
  const admin = useAdmin(loadAccounts);
  const [creating, setCreating] = useState(false);
  return (
    <section aria-labelledby="accounts-title">
      <h2 id="accounts-title">Comptes</h2>
      <AdminMessages error={admin.error} notice={admin.notice} />
      {admin.data === undefined ? (
        <p className="muted">Chargement…</p>
      ) : (
        <table aria-label="Comptes">
          <thead>
            <tr>
              <th scope="col">Nom</th>
              <th scope="col">E-mail</th>
              <th scope="col">Rôle</th>
              <th scope="col">État</th>
              <th scope="col">Dernière synchronisation</th>
              <th scope="col">Actions</th>
            </tr>
          </thead>
          <tbody>
            {admin.data.map((a) => (
              <tr key={a.id} data-testid="account-row">
                <td>{a.name}</td>
                <td>{a.email}</td>
                <td>{ROLE_LABELS[a.role]}</td>
                <td>{a.disabled ? 'Désactivé' : 'Actif'}</td>
                <td>{lastSync(a)}</td>
                <td>
                  {a.id !== selfId && (
                    <>
                      <button
                        type="button"
                        disabled={admin.busy}
                        onClick={() => {
                          const role = a.role === 'office' ? 'technician' : 'office';
                          void admin.run(
                            (api) => api.updateAccount(a.id, { role }),
                            `${a.name} : rôle ${ROLE_LABELS[role].toLowerCase()}.`,
                          );
                        }}
                      >
                        {a.role === 'office' ? 'Passer technicien' : 'Passer bureau'}
                      </button>{' '}
                      <button
                        type="button"
                        disabled={admin.busy}
                        onClick={() =>
                          void admin.run(
                            (api) => api.setDisabled(a.id, !a.disabled),
                            a.disabled ? `${a.name} est réactivé.` : `${a.name} est désactivé.`,
                          )
                        }
                      >
                        {a.disabled ? 'Réactiver' : 'Désactiver'}
                      </button>{' '}
                    </>
                  )}
                  <PasswordReset
                    name={a.name}
                    busy={admin.busy}
                    onReset={(password) =>
                      admin.run(
                        (api) => api.resetPassword(a.id, password),
                        `Mot de passe de ${a.name} changé ; ses sessions sont fermées.`,
                      )
                    }
                  />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {creating ? (
        <NewAccountForm
          onCancel={() => setCreating(false)}
          onSubmit={async (input) => {
            const ok = await admin.run(
              (api) => api.createAccount(input),
              `Compte créé : ${input.email}.`,
            );
            if (ok) setCreating(false);
          }}
        />
      ) : (
        <button type="button" className="primary" onClick={() => setCreating(true)}>
          Nouveau compte
        </button>
      )}
    </section>
  );
}

/**
 * A new password for an account, typed inline (Electron has no window.prompt); checked by the
 * shared schema here and again by the server.
 */
function PasswordReset({
  name,
  busy,
  onReset,
}: {
  name: string;
  busy: boolean;
  onReset: (password: string) => Promise<boolean>;
}) {
  const [open, setOpen] = useState(false);
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  if (!open)
    return (
      <button type="button" disabled={busy} onClick={() => setOpen(true)}>
        Nouveau mot de passe
      </button>
    );
  return (
    <span className="toolbar">
      <input
        type="password"
        autoComplete="new-password"
        aria-label={`Nouveau mot de passe de ${name}`}
        value={password}
        onChange={(e) => setPassword(e.target.value)}
      />
      <button
        type="button"
        disabled={busy}
        onClick={() => {
          const parsed = resetPasswordRequestSchema.safeParse({ password });
          if (!parsed.success) {
            setError(parsed.error.issues[0]?.message ?? 'Mot de passe invalide.');
            return;
          }
          setError(null);
          void onReset(parsed.data.password).then((ok) => {
            if (ok) {
              setOpen(false);
              setPassword('');
            }
          });
        }}
      >
        Enregistrer
      </button>
      <button type="button" onClick={() => setOpen(false)}>
        Annuler
      </button>
      <FormError message={error} />
    </span>
  );
}

function NewAccountForm({
  onSubmit,
  onCancel,
}: {
  onSubmit: (input: CreateAccountRequest) => Promise<void>;
  onCancel: () => void;
}) {
  const form = useForm<CreateAccountRequest>({
    resolver: zodResolver(createAccountRequestSchema),
    defaultValues: { email: '', name: '', role: 'technician', password: '' },
  });
  const { register, handleSubmit, formState } = form;
  const errors = formState.errors;
  return (
    <form
      className="panel"
      noValidate
      aria-label="Nouveau compte"
      onSubmit={(e) => void handleSubmit(onSubmit)(e)}
    >
      <Field label="Nom" error={errors.name && 'Le nom est obligatoire.'}>
        {(p) => <input {...p} {...register('name')} autoComplete="off" />}
      </Field>
      <Field label="E-mail du compte" error={errors.email?.message && 'Adresse e-mail invalide.'}>
        {(p) => <input {...p} {...register('email')} type="email" autoComplete="off" />}
      </Field>
      <Field label="Rôle" error={errors.role?.message}>
        {(p) => (
          <select {...p} {...register('role')}>
            <option value="technician">Technicien</option>
            <option value="office">Bureau</option>
          </select>
        )}
      </Field>
      <Field
        label="Mot de passe initial"
        error={errors.password?.message}
        hint="12 caractères au moins ; à transmettre à la personne, qui le gardera pour se connecter."
      >
        {(p) => (
          <input {...p} {...register('password')} type="password" autoComplete="new-password" />
        )}
      </Field>
      <div className="actions">
        <button type="submit" className="primary" disabled={formState.isSubmitting}>
          Créer le compte
        </button>
        <button type="button" onClick={onCancel}>
          Annuler
        </button>
      </div>
    </form>
  );
}
