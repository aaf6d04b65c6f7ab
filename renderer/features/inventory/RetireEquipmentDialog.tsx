import { ConfirmDialog } from '../../ui/ConfirmDialog';

/** Asks before an equipment leaves the inventory. */
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
  return (
    <ConfirmDialog
      open={open}
      busy={busy}
      danger
      confirmLabel="Retirer"
      onConfirm={onConfirm}
      onCancel={onCancel}
    >
      <p>Retirer cet équipement du parc ? Il restera dans l’historique des interventions.</p>
    </ConfirmDialog>
  );
}
