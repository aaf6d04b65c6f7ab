/**
 * The footer a form or panel shows when an action failed: one French sentence, announced to
 * screen readers. Nothing is rendered without a message. Pass the text `userMessage` made.
 */
export function FormError({
  message,
  testId,
}: {
  message: string | null | undefined;
  testId?: string;
}) {
  if (!message) return null;
  return (
    <p className="field-error" role="alert" data-testid={testId}>
      {message}
    </p>
  );
}
