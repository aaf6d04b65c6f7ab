import { zodResolver } from '@hookform/resolvers/zod';
import { useRef, useState } from 'react';
import { useForm } from 'react-hook-form';
import { appDeps } from '../../use-cases/deps';
import { saveSignerProfile, technicianProfileSchema } from '../../use-cases/visits/signer-profile';
import type { TechnicianProfile } from '../../use-cases/visits/signer-profile';
import { Field } from '../../ui/Field';
import { FormError } from '../../ui/FormError';
import { userMessage } from '../../ui/user-message';
import { SignaturePadField } from '../signature';
import type { SignaturePadHandle } from '../signature';

/** The typed part of the profile, checked field by field by the stored profile's schema. */
const profileFieldsSchema = technicianProfileSchema.pick({ name: true, code: true });
type ProfileFields = { name: string; code: string };

/** The technician's name, code and signature, entered once and reused on every report. */
export function TechnicianProfileForm({
  current,
  saved = false,
  onSaved,
}: {
  current: TechnicianProfile | null;
  /** Shows the "saved" notice; kept by the parent when saving remounts this form. */
  saved?: boolean;
  onSaved?: () => void;
}) {
  const { register, handleSubmit, formState } = useForm<ProfileFields>({
    resolver: zodResolver(profileFieldsSchema),
    defaultValues: { name: current?.name ?? '', code: current?.code ?? '' },
  });
  // The profile on screen: the one just saved shows at once, before the parent reads it back
  // (until then a first profile showed « Signature enregistrée » with no signature).
  const [shown, setShown] = useState(current);
  const [redraw, setRedraw] = useState(current === null);
  const [error, setError] = useState<string | null>(null);
  const [message, setMessage] = useState<string | null>(saved ? 'Profil enregistré.' : null);
  const pad = useRef<SignaturePadHandle>(null);
  const code = register('code', { setValueAs: (v: string) => v.trim().toUpperCase() });

  // Submitted from the event handler: it reads the signature pad's ref.
  // With a field refused, the missing signature is said too: every problem at once.
  const askForMissingSignature = () => {
    setMessage(null);
    setError(redraw && !pad.current?.toPng() ? 'Dessinez votre signature.' : null);
  };

  const save = async (fields: ProfileFields) => {
    const signature = redraw ? pad.current?.toPng() : shown?.signaturePngDataUrl;
    setMessage(null);
    if (!signature) {
      setError('Dessinez votre signature.');
      return;
    }
    try {
      const stored = await saveSignerProfile(appDeps(), {
        ...fields,
        signaturePngDataUrl: signature,
      });
      setShown(stored);
      setError(null);
      setRedraw(false);
      setMessage('Profil enregistré.');
      onSaved?.();
    } catch (e) {
      setError(userMessage(e, 'Profil invalide.'));
    }
  };

  return (
    <form
      className="panel"
      aria-labelledby="profile-title"
      noValidate
      onSubmit={(e) => void handleSubmit(save, askForMissingSignature)(e)}
    >
      <h2 id="profile-title">Profil du technicien</h2>
      <div className="grid-4">
        <Field label="Nom du technicien" error={formState.errors.name?.message}>
          {(props) => (
            <input {...props} {...register('name')} maxLength={200} autoComplete="name" />
          )}
        </Field>
        <Field label="Code technicien (2 à 4 lettres)" error={formState.errors.code?.message}>
          {(props) => (
            <input
              {...props}
              {...code}
              maxLength={4}
              onChange={(e) => {
                // typed in any case, stored and shown in capitals (the JD of BI-2026-JD-0042)
                e.target.value = e.target.value.toUpperCase();
                void code.onChange(e);
              }}
            />
          )}
        </Field>
      </div>
      {redraw ? (
        <SignaturePadField label="Signature du technicien" handle={pad} />
      ) : (
        <div className="field">
          <span>Signature enregistrée</span>
          {shown && (
            <img
              className="signature-preview"
              src={shown.signaturePngDataUrl}
              alt="Signature enregistrée du technicien"
            />
          )}
          <div className="actions">
            <button type="button" onClick={() => setRedraw(true)}>
              Refaire la signature
            </button>
          </div>
        </div>
      )}
      <div className="actions">
        <button type="submit" className="primary" disabled={formState.isSubmitting}>
          Enregistrer le profil
        </button>
      </div>
      {message && <p role="status">{message}</p>}
      <FormError message={error} />
    </form>
  );
}
