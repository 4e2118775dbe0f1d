import type { AuditOutcome } from '@pa/web-data-access';

// How the events of an account read to its owner. Unknown actions still read sensibly ("role change").
const LABELS: Record<string, string> = {
  register: 'Account created',
  login: 'Signed in',
  logout: 'Signed out',
  logout_all: 'Signed out everywhere',
  session_revoked: 'A device was signed out',
  session_evicted: 'An old session was closed',
  refresh_token_reuse: 'A reused sign-in was blocked',
  reauthenticate: 'Password confirmed',
  password_change: 'Password changed',
  password_reset_request: 'Password reset asked for',
  password_reset: 'Password reset',
  email_verify: 'Email address confirmed',
  mfa_enroll: 'Two-step sign-in changed',
  mfa_verify: 'Second step of sign-in',
  profile_update: 'Profile changed',
  preferences_update: 'Preferences changed',
  role_change: 'Role changed',
  user_disable: 'Account turned off',
  user_enable: 'Account turned back on',
  user_delete: 'Account deleted',
  permission_check: 'Access refused',
};

/** A plain phrase for an audit action ("login" → "Signed in"). */
export function activityLabel(action: string): string {
  const known = LABELS[action];
  if (known) return known;
  const words = action.replace(/[_:.-]+/g, ' ').trim();
  return words ? words.charAt(0).toUpperCase() + words.slice(1) : 'Something happened';
}

const OUTCOMES: Record<AuditOutcome, string> = {
  SUCCESS: 'Done',
  DENIED: 'Refused',
  FAILURE: 'Did not work',
};

/** How an entry ended, in words. */
export function outcomeLabel(outcome: AuditOutcome): string {
  return OUTCOMES[outcome];
}
