/**
 * A calm confirmation with one way back ("Done: buy milk. Undo"), announced politely; always rendered
 * so the live region exists before its text arrives.
 */
export function ActionNotice({
  message,
  actionLabel,
  onAction,
  busy = false,
  testId,
}: {
  message: string | null;
  /** The button after the text (e.g. "Undo"); none without `onAction`. */
  actionLabel?: string;
  onAction?(): void;
  busy?: boolean;
  testId: string;
}) {
  return (
    <div className="notice-calm action-notice" data-empty={!message} data-testid={testId}>
      <p role="status">{message}</p>
      {message && onAction && actionLabel && (
        <button type="button" className="button-quiet" onClick={onAction} disabled={busy}>
          {actionLabel}
        </button>
      )}
    </div>
  );
}
