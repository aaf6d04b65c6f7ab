import { useEffect, useId, useRef } from 'react';

/**
 * Asks before an equipment leaves the inventory. A modal <dialog> rather than window.confirm,
 * which Electron renders as a blocking, unstyled box: the browser traps focus inside it,
 * Échap cancels, and focus goes back to the button that opened it.
 */
export function RetireEquipmentDialog({
  open,
  busy,
  onConfirm,
  onCancel,
}: {
  open: boolean;
  busy: boolean;
  onConfirm: () => void;
  onCancel: () => void;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) dialog.showModal();
    if (!open && dialog.open) dialog.close();
  }, [open]);
  return (
    <dialog
      ref={ref}
      aria-labelledby={titleId}
      onCancel={(event) => {
        // Échap: let React's state close it, so state and the element never disagree.
        event.preventDefault();
        onCancel();
      }}
    >
      <p id={titleId}>
        Retirer cet équipement du parc ? Il restera dans l’historique des interventions.
      </p>
      <div className="actions">
        <button type="button" className="danger" onClick={onConfirm} disabled={busy}>
          Retirer
        </button>
        <button type="button" onClick={onCancel} autoFocus>
          Annuler
        </button>
      </div>
    </dialog>
  );
}
