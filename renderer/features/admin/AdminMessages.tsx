import { userMessage } from '../../ui/user-message';

/** The outcome of the last administration action, announced. */
export function AdminMessages({ error, notice }: { error: unknown; notice: string | null }) {
  const message = error === null || error === undefined ? null : userMessage(error);
  return (
    <>
      {message && (
        <p className="sync-error" role="alert" data-testid="admin-error">
          {message}
        </p>
      )}
      {notice && (
        <p className="muted" role="status" data-testid="admin-notice">
          {notice}
        </p>
      )}
    </>
  );
}
