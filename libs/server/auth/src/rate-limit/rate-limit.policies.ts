/** One fixed-window limit: at most `points` calls per key in `durationSeconds`. */
export interface RateLimitPolicy {
  points: number;
  durationSeconds: number;
  /** What is counted, per what key, and why this number. */
  doc: string;
}

// Numbers are tuned for people, not bots: an ADHD user retrying in a hurry must not hit a wall, while
// an attacker gets too few guesses to matter. Each call to `consume` counts one attempt, so aliased or
// batched GraphQL fields are counted one by one.
export const RATE_LIMIT_POLICIES = {
  loginPerIpAndAccount: {
    points: 10,
    durationSeconds: 60,
    doc: 'Sign-in attempts per IP address and account (normalised email): 10 per minute. Generous for typos; the lock-out below stops slow guessing.',
  },
  loginPerIp: {
    points: 100,
    durationSeconds: 15 * 60,
    doc: 'Sign-in attempts per IP address, any account: 100 per 15 min. Stops password spraying across accounts while a shared office or school NAT still fits.',
  },
  registerPerIp: {
    points: 5,
    durationSeconds: 60 * 60,
    doc: 'Sign-ups per IP address: 5 per hour. A household signing up fits; scripted account creation does not.',
  },
  passwordResetPerAccount: {
    points: 5,
    durationSeconds: 60 * 60,
    doc: 'Password-reset requests per account (normalised email): 5 per hour. Allows re-sending a lost email without letting anyone flood a mailbox.',
  },
  passwordResetPerIp: {
    points: 20,
    durationSeconds: 60 * 60,
    doc: 'Password-reset requests per IP address: 20 per hour. Stops one client from probing or mail-bombing many accounts.',
  },
  mfaVerifyPerChallenge: {
    points: 5,
    durationSeconds: 15 * 60,
    doc: 'Second-factor codes tried against one sign-in challenge: 5 (the window outlives the challenge, so it is 5 per challenge). Guessing a 6-digit code in 5 tries is a 1-in-200,000 chance.',
  },
  mfaVerifyPerAccount: {
    points: 10,
    durationSeconds: 15 * 60,
    doc: 'Second-factor codes tried per account across all challenges: 10 per 15 min. Opening new challenges does not buy more guesses.',
  },
  smsSendPerUserBurst: {
    points: 1,
    durationSeconds: 60,
    doc: 'SMS codes sent per user: 1 per 60 s. "Resend" works after a minute; double clicks do not send twice.',
  },
  smsSendPerUser: {
    points: 5,
    durationSeconds: 60 * 60,
    doc: 'SMS codes sent per user: 5 per hour. SMS cost money; five tries cover a bad signal.',
  },
  smsSendPerUserDay: {
    points: 10,
    durationSeconds: 24 * 60 * 60,
    doc: 'SMS codes sent per user: 10 per day. Caps the cost of one account (SMS pumping) even at a steady hourly pace.',
  },
  smsSendPerPhone: {
    points: 5,
    durationSeconds: 60 * 60,
    doc: 'SMS codes sent per phone number (E.164), whichever account asks: 5 per hour. Many accounts cannot flood one phone.',
  },
  reminderActionPerIp: {
    points: 60,
    durationSeconds: 60,
    doc: 'Done / Snooze from a notification (signed action token, no session) per IP address: 60 per minute. A phone replaying its queued answers fits; guessing tokens does not.',
  },
  tokenRequests: {
    points: 600,
    durationSeconds: 60,
    doc: 'Requests per personal access token (HTTP requests, WebSocket connections and operations): 600 per minute (RATE_LIMIT_TOKEN_PER_MINUTE). A busy sync fits; a runaway loop is stopped without touching the owner’s own sessions.',
  },
} as const satisfies Record<string, RateLimitPolicy>;

export type RateLimitPolicyName = keyof typeof RATE_LIMIT_POLICIES;

/** Progressive lock-out of one account after consecutive failed sign-ins or second-factor codes. */
export interface LockoutPolicy {
  /** Consecutive failures that lock the account (and every further multiple of it). */
  threshold: number;
  /** First lock duration; each further lock doubles it. */
  baseLockSeconds: number;
  /** Lock durations never exceed this, so the real user is never locked out for long. */
  maxLockSeconds: number;
  /** Failures older than this (counted from the first one) are forgotten. */
  failureWindowSeconds: number;
  /** The doubling is forgotten after this long without a new lock. */
  escalationMemorySeconds: number;
  doc: string;
}

// Trade-off: the lock is keyed by account only (not account + IP), so a botnet cannot guess one
// password from many addresses. The price is that anyone can lock a real user out by failing on
// purpose; the cap (1 h) bounds that harm, a successful sign-in or password reset clears it, and the
// per-IP limits above make the attacker pay for it. Each lock allows `threshold` fresh attempts once
// it ends, so a real user who mistyped is not punished for a single further typo; at the cap that is
// still only 5 guesses per hour (120 a day) against one account.
export const LOCKOUT_POLICY: LockoutPolicy = {
  threshold: 5,
  baseLockSeconds: 60,
  maxLockSeconds: 60 * 60,
  failureWindowSeconds: 60 * 60,
  escalationMemorySeconds: 24 * 60 * 60,
  doc: 'After 5 consecutive failed sign-ins or second-factor codes, the account is locked for 1 min, then 2, 4, 8 … capped at 1 h; a success clears it; forgotten after 24 h without a lock.',
};

/** The lock duration for the `level`-th lock in a row (1-based): base × 2^(level−1), capped. */
export function lockSecondsFor(
  level: number,
  policy: Pick<LockoutPolicy, 'baseLockSeconds' | 'maxLockSeconds'>,
): number {
  const exponent = Math.min(Math.max(level, 1) - 1, 30); // 2^30 × base is far past any cap
  return Math.min(policy.baseLockSeconds * 2 ** exponent, policy.maxLockSeconds);
}
