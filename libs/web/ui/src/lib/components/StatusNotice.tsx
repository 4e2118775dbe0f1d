/** A calm confirmation ("Saved."), announced politely; always rendered so the live region exists first. */
export function StatusNotice({ message, testId }: { message: string | null; testId: string }) {
  return (
    <p role="status" className="notice-calm" data-empty={!message} data-testid={testId}>
      {message}
    </p>
  );
}
