/** The outcome of the last administration action, announced. */
export function AdminMessages({ error, notice }: { error: string | null; notice: string | null }) {
  return (
    <>
      {error && (
        <p className="sync-error" role="alert" data-testid="admin-error">
          {error}
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
