/** An API error as a form reads it (the same shape as `ApiError` in @pa/web-data-access). */
export interface ErrorLike {
  code: string;
  message: string;
  details: Record<string, unknown>;
}

/** What a form shows for an API error: a calm sentence, the field it concerns, and any listed problems. */
export interface FriendlyError<F extends string = string> {
  message: string;
  field?: F;
  problems: string[];
}

/** Wording per error code, and the field it points at. */
export type MessageTable<F extends string = string> = Partial<Record<string, { message: string; field?: F }>>;

// Kind, specific and never blaming: people in a hurry (or with ADHD) should know the next step at once.
// These codes can come from any page; each feature adds its own table on top.
const COMMON_MESSAGES: MessageTable<never> = {
  UNAUTHENTICATED: { message: 'Your session ended. Please sign in again — nothing else is lost.' },
  REFRESH_TOKEN_INVALID: { message: 'Your session ended. Please sign in again — nothing else is lost.' },
  NETWORK_ERROR: {
    message:
      "We couldn't reach the server. Check your connection and try again; what you typed is still here.",
  },
  SERVICE_UNAVAILABLE: {
    message:
      'The service is taking a short break. Please try again in a moment; what you typed is still here.',
  },
  FORBIDDEN: { message: 'Your account is not allowed to do this.' },
  VALIDATION_FAILED: { message: 'A few fields need another look — the notes are next to them.' },
};

const FALLBACK =
  'Something went wrong on our side. Please try again in a moment; what you typed is still here.';

/** "about 2 minutes", "about 30 seconds": rounded, because exact countdowns add pressure. */
export function describeWait(seconds: number): string {
  if (seconds >= 90) return `about ${Math.round(seconds / 60)} minutes`;
  if (seconds >= 45) return 'about a minute';
  return `about ${Math.max(1, Math.ceil(seconds))} seconds`;
}

function problemMessages(details: Record<string, unknown>): string[] {
  const problems = details['problems'];
  if (!Array.isArray(problems)) return [];
  return problems
    .map((p: unknown) =>
      typeof p === 'object' && p !== null && typeof (p as { message?: unknown }).message === 'string'
        ? (p as { message: string }).message
        : null,
    )
    .filter((m): m is string => !!m);
}

/** Maps an API error to friendly text with `messages` (then the common codes), keeping `details.problems`. */
export function friendlyErrorFrom<F extends string>(
  error: ErrorLike,
  messages: MessageTable<F> = {},
): FriendlyError<F> {
  if (error.code === 'RATE_LIMITED') {
    const retryAfter = Number(error.details['retryAfterSeconds']);
    const wait = Number.isFinite(retryAfter) && retryAfter > 0 ? describeWait(retryAfter) : 'a little while';
    return {
      message: `That was quite a few tries in a row, which is completely fine. Let's take a short breather: you can try again in ${wait}.`,
      problems: [],
    };
  }
  const known = messages[error.code] ?? COMMON_MESSAGES[error.code];
  const problems = problemMessages(error.details);
  if (known) return { ...known, problems };
  // Unknown codes: the API's own message is written for people; prefer it to a generic one.
  return { message: error.message || FALLBACK, problems };
}

/** The per-field messages of a VALIDATION_FAILED error (`details.fields`), or {} for any other error. */
export function fieldMessagesOf(error: ErrorLike): Record<string, string> {
  if (error.code !== 'VALIDATION_FAILED') return {};
  const fields = error.details['fields'];
  if (typeof fields !== 'object' || fields === null) return {};
  return Object.fromEntries(
    Object.entries(fields as Record<string, unknown>).filter(
      (entry): entry is [string, string] => typeof entry[1] === 'string' && entry[1] !== '',
    ),
  );
}
