import type { Ref } from 'react';
import type { FriendlyError } from '../logic/friendlyError';

/** The form-level error: announced at once (role="alert") and focusable so focus can move to it. */
export function FormAlert({
  error,
  alertRef,
  testId,
}: {
  error: Pick<FriendlyError, 'message' | 'problems'> | null;
  alertRef?: Ref<HTMLDivElement>;
  testId: string;
}) {
  // Always rendered, so the live region exists before its text arrives.
  return (
    <div
      role="alert"
      className="form-alert"
      data-empty={!error}
      ref={alertRef}
      tabIndex={-1}
      data-testid={testId}
    >
      {error && (
        <>
          <p>{error.message}</p>
          {error.problems.length > 0 && (
            <ul data-testid={`${testId}-problems`}>
              {error.problems.map((problem) => (
                <li key={problem}>{problem}</li>
              ))}
            </ul>
          )}
        </>
      )}
    </div>
  );
}
