import { useCopyRecipientChoices } from '../../use-cases/contracts/use-copy-recipient-choices';
import { CheckboxField } from '../../ui/Field';
import { FormError } from '../../ui/FormError';

/**
 * The client's contacts who receive the client's copies by e-mail (bordereaux and activity
 * reports): pre-filled on site and used by the office server's deliveries. A contact without
 * an address is shown, disabled, with the reason. Chosen ids the list does not show (a
 * contact deleted since) are kept as stored: the screen keeps what it does not show.
 */
export function CopyRecipientsFieldset({
  clientId,
  value,
  onChange,
  error,
}: {
  clientId: string;
  value: readonly string[];
  onChange: (ids: string[]) => void;
  error?: string | undefined;
}) {
  const choices = useCopyRecipientChoices(clientId);
  const chosen = new Set(value);
  const toggle = (id: string, on: boolean) =>
    onChange(on ? [...value.filter((v) => v !== id), id] : value.filter((v) => v !== id));
  return (
    <fieldset>
      <legend>Exemplaires du client par e-mail</legend>
      <p className="muted">
        Contrat : 004 art. VI, le prestataire « en remettra un exemplaire au client » ; 002 art.
        III-1 §6, « un rapport d’activité peut être adressé au Client ». Les contacts cochés
        reçoivent chaque bordereau signé, en plus du signataire, et le rapport d’activité que le
        bureau envoie.
      </p>
      {choices === undefined ? (
        <p className="muted">Chargement des contacts…</p>
      ) : choices.length === 0 ? (
        <p className="muted">
          Aucun contact pour ce client : ajoutez-en un, avec son adresse e-mail, dans la fiche du
          client.
        </p>
      ) : (
        choices.map((c) => (
          <CheckboxField
            key={c.id}
            label={[c.name, c.role, c.unavailable ?? c.email].filter((t) => t !== '').join(' — ')}
          >
            {(p) => (
              <input
                {...p}
                type="checkbox"
                checked={chosen.has(c.id)}
                disabled={c.unavailable !== null}
                onChange={(e) => toggle(c.id, e.target.checked)}
              />
            )}
          </CheckboxField>
        ))
      )}
      <FormError message={error} />
    </fieldset>
  );
}
