/** The save and cancel buttons that end a form. */
export function FormActions({
  submitLabel,
  submitting,
  onCancel,
}: {
  submitLabel: string;
  submitting: boolean;
  onCancel: () => void;
}) {
  return (
    <div className="actions">
      <button type="submit" className="primary" disabled={submitting}>
        {submitLabel}
      </button>
      <button type="button" onClick={onCancel}>
        Annuler
      </button>
    </div>
  );
}
