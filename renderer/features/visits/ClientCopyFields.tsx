import { clientCopySchema, CLIENT_COPY_METHODS } from '../../../shared/report/model';
import type { ClientCopy, ClientCopyMethod } from '../../../shared/report/model';

/** The form's state: the methods ticked and the addresses as typed. */
export interface ClientCopyDraft {
  readonly methods: readonly ClientCopyMethod[];
  readonly emails: string;
}

const LABELS: Readonly<Record<ClientCopyMethod, string>> = {
  printed: 'Imprimé et remis sur place',
  'pdf-on-site': 'PDF remis sur place (clé USB, partage)',
  email: 'Envoyé par e-mail par le bureau à la synchronisation',
};

/** The draft as the sealed content records it, or the French reason it cannot be. */
export function clientCopyOf(draft: ClientCopyDraft): ClientCopy | string {
  const emails = draft.methods.includes('email')
    ? draft.emails
        .split(/[\s,;]+/)
        .map((e) => e.trim())
        .filter((e) => e !== '')
    : [];
  const parsed = clientCopySchema.safeParse({ methods: draft.methods, emails });
  return parsed.success ? parsed.data : (parsed.error.issues[0]?.message ?? 'Remise invalide.');
}

/**
 * The draft with `method` ticked or not. Ticking "e-mail" with no address typed yet fills in
 * the contacts the contract names for the copies (editable: the technician may add the
 * signer's or remove one).
 */
export function toggleClientCopyMethod(
  value: ClientCopyDraft,
  method: ClientCopyMethod,
  on: boolean,
  contractRecipients: readonly string[] = [],
): ClientCopyDraft {
  const methods = CLIENT_COPY_METHODS.filter((m) =>
    m === method ? on : value.methods.includes(m),
  );
  const prefill = method === 'email' && on && value.emails.trim() === '';
  return { methods, emails: prefill ? contractRecipients.join(', ') : value.emails };
}

/**
 * How the client's copy is handed over (004 art. VI), chosen before signing: it is printed
 * on the bordereau, and "e-mail" asks the office server to send it (queued with the report
 * while offline), pre-filled with the contract's chosen contacts.
 */
export function ClientCopyFields({
  value,
  onChange,
  contractRecipients = [],
}: {
  value: ClientCopyDraft;
  onChange: (next: ClientCopyDraft) => void;
  /** The addresses the contract names for the copies (use-cases/visits/copy-recipients.ts). */
  contractRecipients?: readonly string[];
}) {
  const toggle = (method: ClientCopyMethod, on: boolean) =>
    onChange(toggleClientCopyMethod(value, method, on, contractRecipients));
  return (
    <fieldset className="panel">
      <legend>Exemplaire du client</legend>
      {CLIENT_COPY_METHODS.map((method) => (
        <label key={method} className="check">
          <input
            type="checkbox"
            checked={value.methods.includes(method)}
            onChange={(e) => toggle(method, e.target.checked)}
          />
          {LABELS[method]}
        </label>
      ))}
      {value.methods.includes('email') && (
        <label className="field">
          Adresses e-mail du signataire et des contacts (séparées par des virgules)
          <input
            type="text"
            inputMode="email"
            value={value.emails}
            onChange={(e) => onChange({ ...value, emails: e.target.value })}
          />
        </label>
      )}
    </fieldset>
  );
}
