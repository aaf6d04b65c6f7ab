import { useEffect, useId, useRef, type ReactNode } from 'react';

/**
 * Asks before an action that cannot be undone. A native modal <dialog> rather than
 * window.confirm, which Electron renders as a blocking, unstyled box; and rather than a
 * dialog library, because the app runs in one engine (Chromium) whose <dialog> already traps
 * focus, makes the page behind inert, closes on Échap and gives focus back to the opener.
 */
export function ConfirmDialog({
  open,
  busy = false,
  confirmLabel,
  cancelLabel = 'Annuler',
  danger = false,
  onConfirm,
  onCancel,
  children,
}: {
  open: boolean;
  busy?: boolean;
  confirmLabel: string;
  cancelLabel?: string;
  danger?: boolean;
  onConfirm: () => void;
  onCancel: () => void;
  /** The question, in French. */
  children: ReactNode;
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
      <div id={titleId}>{children}</div>
      <div className="actions">
        <button
          type="button"
          className={danger ? 'danger' : 'primary'}
          onClick={onConfirm}
          disabled={busy}
        >
          {confirmLabel}
        </button>
        <button type="button" onClick={onCancel} autoFocus>
          {cancelLabel}
        </button>
      </div>
    </dialog>
  );
}
