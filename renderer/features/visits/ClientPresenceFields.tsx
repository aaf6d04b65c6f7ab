import type { UseFormRegisterReturn } from 'react-hook-form';

/**
 * Who of the client is present and whether they confirm a recent backup (000 art. 14): asked
 * when a visit starts, from a client (NewVisitPage) or from a planned job (today's StartJobForm),
 * and when its header is corrected.
 */
export function ClientPresenceFields({
  name,
  role,
  backup,
  nameError,
  roleError,
}: {
  name: UseFormRegisterReturn;
  role: UseFormRegisterReturn;
  backup: UseFormRegisterReturn;
  nameError?: string | undefined;
  roleError?: string | undefined;
}) {
  return (
    <>
      <div className="grid-4">
        <label className="field">
          Représentant du client présent
          <input {...name} />
          {nameError && <span className="field-error">{nameError}</span>}
        </label>
        <label className="field">
          Fonction
          <input {...role} />
          {roleError && <span className="field-error">{roleError}</span>}
        </label>
      </div>
      <label className="check">
        <input type="checkbox" {...backup} />
        Le client confirme disposer d’une sauvegarde récente (la sauvegarde reste sous sa
        responsabilité)
      </label>
    </>
  );
}
