import type { PasswordFeedback } from '../hooks/usePasswordCheck';
import { strengthLabel } from '../logic/strength';

/** Live strength meter and the shared policy's problems for the password being typed. */
export function PasswordStrength({
  id,
  feedback,
  empty,
}: {
  id: string;
  feedback: PasswordFeedback;
  empty: boolean;
}) {
  if (empty) {
    return (
      <div className="strength" id={id} data-testid="password-strength">
        <p className="hint">
          A few unrelated words together make a strong password that is easy to remember.
        </p>
      </div>
    );
  }
  if (!feedback.ready) {
    return (
      <div className="strength" id={id} data-testid="password-strength">
        <p className="hint">Checking strength…</p>
      </div>
    );
  }
  const label = strengthLabel(feedback.score);
  return (
    <div className="strength" id={id} data-testid="password-strength" data-score={feedback.score}>
      <div className="strength-row">
        <meter
          min={0}
          max={4}
          low={2}
          high={3}
          optimum={4}
          value={feedback.score}
          aria-label="Password strength"
          aria-valuetext={label}
        />
        {/* Polite: read when the person pauses, never interrupting their typing. */}
        <span className="strength-label" aria-live="polite" data-testid="password-strength-label">
          {label}
        </span>
      </div>
      {feedback.problems.length > 0 ? (
        <ul className="strength-problems" data-testid="password-problems">
          {feedback.problems.map((problem) => (
            <li key={problem}>{problem}</li>
          ))}
        </ul>
      ) : (
        feedback.ok && <p className="strength-ok">This password meets every rule.</p>
      )}
      {!feedback.ok && feedback.suggestions[0] && <p className="hint">Tip: {feedback.suggestions[0]}</p>}
    </div>
  );
}
