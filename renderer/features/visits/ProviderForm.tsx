import { useState } from 'react';
import { useForm } from 'react-hook-form';
import type { Provider } from '../../../shared/report/model';
import { appDeps } from '../../use-cases/deps';
import { saveCompany } from '../../use-cases/visits/signer-profile';
import { FormError } from '../../ui/FormError';
import { userMessage } from '../../ui/user-message';

/** Any image file as a PNG data URL (the report embeds the logo as PNG), at most 600 px wide. */
async function logoToPng(file: File): Promise<string> {
  const bitmap = await createImageBitmap(file);
  const scale = Math.min(1, 600 / bitmap.width);
  const canvas = document.createElement('canvas');
  canvas.width = Math.max(1, Math.round(bitmap.width * scale));
  canvas.height = Math.max(1, Math.round(bitmap.height * scale));
  canvas.getContext('2d')?.drawImage(bitmap, 0, 0, canvas.width, canvas.height);
  bitmap.close();
  return canvas.toDataURL('image/png');
}

type ProviderFields = {
  name: string;
  legalForm: string;
  street: string;
  postcode: string;
  city: string;
  siret: string;
  vatNumber: string;
  phone: string;
  email: string;
  rcsCity: string;
  generalTerms: string;
};

const EMPTY: ProviderFields = {
  name: '',
  legalForm: '',
  street: '',
  postcode: '',
  city: '',
  siret: '',
  vatNumber: '',
  phone: '',
  email: '',
  rcsCity: '',
  generalTerms: '',
};

/** The provider's identity printed at the top of every bordereau. */
export function ProviderForm({
  current,
  saved = false,
  onSaved,
}: {
  current: Provider | null;
  /** Shows the "saved" notice; kept by the parent when saving remounts this form. */
  saved?: boolean;
  onSaved?: () => void;
}) {
  const { register, handleSubmit, formState } = useForm<ProviderFields>({
    defaultValues: current
      ? {
          name: current.name,
          legalForm: current.legalForm,
          street: current.address.street,
          postcode: current.address.postcode,
          city: current.address.city,
          siret: current.siret,
          vatNumber: current.vatNumber,
          phone: current.phone,
          email: current.email,
          rcsCity: current.rcsCity ?? '',
          generalTerms: current.generalTerms ?? '',
        }
      : EMPTY,
  });
  const [logo, setLogo] = useState(current?.logoPngDataUrl ?? '');
  const [message, setMessage] = useState<string | null>(
    saved ? 'Identité de la société enregistrée.' : null,
  );
  const [error, setError] = useState<string | null>(null);

  // Checked by the stored provider's schema inside saveCompany (its cross-field rule, SIREN
  // of the VAT number = SIREN of the SIRET, needs the whole record), which says what is wrong.
  const save = handleSubmit(async (fields) => {
    setMessage(null);
    // The schema requires a logo but would answer with a technical "data URL" message.
    if (!logo) {
      setError('Ajoutez le logo de la société : il figure en tête de chaque bordereau.');
      return;
    }
    try {
      await saveCompany(appDeps(), {
        name: fields.name,
        legalForm: fields.legalForm,
        address: { street: fields.street, postcode: fields.postcode, city: fields.city },
        siret: fields.siret.replace(/\s+/g, ''),
        vatNumber: fields.vatNumber.replace(/\s+/g, ''),
        phone: fields.phone,
        email: fields.email,
        logoPngDataUrl: logo,
        // printed "RCS <ville>" and as the terms the work is done under (domain-rules.md §5)
        ...(fields.rcsCity.trim() ? { rcsCity: fields.rcsCity } : {}),
        ...(fields.generalTerms.trim() ? { generalTerms: fields.generalTerms } : {}),
      });
      setError(null);
      setMessage('Identité de la société enregistrée.');
      onSaved?.();
    } catch (e) {
      setError(userMessage(e, 'Identité invalide.'));
    }
  });

  const text: [keyof ProviderFields, string][] = [
    ['name', 'Raison sociale'],
    ['legalForm', 'Forme juridique et capital'],
    ['street', 'Adresse'],
    ['postcode', 'Code postal'],
    ['city', 'Ville'],
    ['siret', 'SIRET'],
    ['vatNumber', 'N° de TVA intracommunautaire'],
    ['phone', 'Téléphone'],
    ['email', 'E-mail'],
    ['rcsCity', 'Ville du RCS (greffe)'],
    ['generalTerms', 'Conditions générales (intitulé et version)'],
  ];
  return (
    <form
      className="panel"
      aria-labelledby="provider-title"
      noValidate
      onSubmit={(e) => void save(e)}
    >
      <h2 id="provider-title">Société émettrice des bordereaux</h2>
      <div className="grid-4">
        {text.map(([key, label]) => (
          <label key={key} className="field">
            {label}
            <input {...register(key)} />
          </label>
        ))}
      </div>
      <div className="field">
        <span>Logo (PNG, JPEG…), obligatoire</span>
        <div className="actions">
          {/* The native file input labels itself in the system language ("Choose File"). */}
          <label className="button">
            {logo ? 'Changer le logo…' : 'Choisir un logo…'}
            <input
              type="file"
              accept="image/*"
              className="sr-only"
              aria-label="Logo de la société (PNG, JPEG…)"
              onChange={(e) => {
                const file = e.target.files?.[0];
                if (file) void logoToPng(file).then(setLogo, () => setError('Image illisible.'));
              }}
            />
          </label>
        </div>
      </div>
      {logo && <img className="logo-preview" src={logo} alt="Logo de la société" />}
      <div className="actions">
        <button type="submit" className="primary" disabled={formState.isSubmitting}>
          Enregistrer l’identité
        </button>
      </div>
      {message && <p role="status">{message}</p>}
      <FormError message={error} />
    </form>
  );
}
