import { useState } from 'react';
import { siteFieldsSchema } from '../../../shared/inventory/site';
import { getDb } from '../../db/database';
import { createSite } from '../../db/repositories/sites';

/**
 * A site the file names but the client lacks ("Agence Lyon" in GLPI's "Lieu"), created from
 * the preview: its address is all that is missing. The preview is then computed again, and
 * the rows land on the new site.
 */
export function NewSiteFromImport({
  clientId,
  name,
  rows,
  onCreated,
}: {
  clientId: string;
  name: string;
  rows: number;
  onCreated: () => void;
}) {
  const [open, setOpen] = useState(false);
  const [values, setValues] = useState({ address: '', postcode: '', city: '' });
  const [errors, setErrors] = useState<string[]>([]);
  const id = `new-site-${name.replace(/[^A-Za-z0-9]+/g, '-')}`;
  const label = `« ${name} » (${rows} ligne${rows > 1 ? 's' : ''})`;

  const submit = async () => {
    const parsed = siteFieldsSchema.safeParse({ clientId, name, ...values });
    if (!parsed.success) return setErrors(parsed.error.issues.map((i) => i.message));
    await createSite(getDb(), parsed.data);
    onCreated();
  };

  if (!open) {
    return (
      <li>
        {label} : importé sans site, le nom gardé dans le lieu.{' '}
        <button type="button" onClick={() => setOpen(true)}>
          Créer le site « {name} »
        </button>
      </li>
    );
  }
  const field = (key: keyof typeof values, text: string) => (
    <div className="field">
      <label htmlFor={`${id}-${key}`}>{text}</label>
      <input
        id={`${id}-${key}`}
        value={values[key]}
        onChange={(e) => setValues({ ...values, [key]: e.target.value })}
      />
    </div>
  );
  return (
    <li>
      <fieldset>
        <legend>Nouveau site {label}</legend>
        {field('address', `Adresse du site ${name}`)}
        {field('postcode', `Code postal du site ${name}`)}
        {field('city', `Ville du site ${name}`)}
        {errors.map((e) => (
          <p key={e} className="field-error" role="alert">
            {e}
          </p>
        ))}
        <div className="actions">
          <button type="button" className="primary" onClick={() => void submit()}>
            Créer le site et recalculer l’aperçu
          </button>
          <button type="button" onClick={() => setOpen(false)}>
            Annuler
          </button>
        </div>
      </fieldset>
    </li>
  );
}
