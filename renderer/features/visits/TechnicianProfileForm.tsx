import { useRef, useState } from 'react';
import { appDeps } from '../../use-cases/deps';
import { saveSignerProfile, technicianProfileSchema } from '../../use-cases/visits/signer-profile';
import type { TechnicianProfile } from '../../use-cases/visits/signer-profile';
import { SignaturePadField } from '../signature';
import type { SignaturePadHandle } from '../signature';

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
  const [name, setName] = useState(current?.name ?? '');
  const [code, setCode] = useState(current?.code ?? '');
  const [redraw, setRedraw] = useState(current === null);
  const [error, setError] = useState<string | null>(null);
  const [message, setMessage] = useState<string | null>(saved ? 'Profil enregistré.' : null);
  const pad = useRef<SignaturePadHandle>(null);

  const save = async () => {
    const signature = redraw ? pad.current?.toPng() : current?.signaturePngDataUrl;
    setMessage(null);
    if (!signature) {
      setError('Dessinez votre signature.');
      return;
    }
    const parsed = technicianProfileSchema.safeParse({
      name,
      code: code.trim().toUpperCase(),
      signaturePngDataUrl: signature,
    });
    if (!parsed.success) {
      setError(parsed.error.issues[0]?.message ?? 'Profil invalide.');
      return;
    }
    await saveSignerProfile(appDeps(), parsed.data);
    setError(null);
    setRedraw(false);
    setMessage('Profil enregistré.');
    onSaved?.();
  };

  return (
    <form
      className="panel"
      aria-labelledby="profile-title"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <h2 id="profile-title">Profil du technicien</h2>
      <div className="grid-4">
        <label className="field">
          Nom du technicien
          <input
            value={name}
            onChange={(e) => setName(e.target.value)}
            maxLength={200}
            autoComplete="name"
          />
        </label>
        <label className="field">
          Code technicien (2 à 4 lettres)
          <input
            value={code}
            onChange={(e) => setCode(e.target.value.toUpperCase())}
            maxLength={4}
          />
        </label>
      </div>
      {redraw ? (
        <SignaturePadField label="Signature du technicien" handle={pad} />
      ) : (
        <div className="field">
          <span>Signature enregistrée</span>
          {current && (
            <img
              className="signature-preview"
              src={current.signaturePngDataUrl}
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
        <button type="submit" className="primary">
          Enregistrer le profil
        </button>
      </div>
      {message && <p role="status">{message}</p>}
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
    </form>
  );
}
