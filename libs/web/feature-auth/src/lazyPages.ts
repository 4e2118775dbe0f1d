import { lazy } from 'react';

// Route-level code splitting: each page is its own chunk, loaded when its route is first visited.
// The register page's chunk loads the password policy (zxcvbn dictionaries) on demand in turn.

/** Sign-in page (lazy). */
export const SignInPage = lazy(() =>
  import('./lib/pages/SignInPage').then((m) => ({ default: m.SignInPage })),
);

/** Register page (lazy). */
export const RegisterPage = lazy(() =>
  import('./lib/pages/RegisterPage').then((m) => ({ default: m.RegisterPage })),
);

/** Signed-in devices page (lazy; wrap in RequireAuth). */
export const SessionsPage = lazy(() =>
  import('./lib/pages/SessionsPage').then((m) => ({ default: m.SessionsPage })),
);

/** Second step of signing in: a code from the app, a text message or a backup code (lazy). */
export const MfaChallengePage = lazy(() =>
  import('./lib/pages/MfaChallengePage').then((m) => ({ default: m.MfaChallengePage })),
);

/** Security settings: two-step sign-in and the password (lazy; wrap in RequireAuth). */
export const SecurityPage = lazy(() =>
  import('./lib/pages/SecurityPage').then((m) => ({ default: m.SecurityPage })),
);

/** Confirms the email address from the emailed link (lazy). */
export const VerifyEmailPage = lazy(() =>
  import('./lib/pages/VerifyEmailPage').then((m) => ({ default: m.VerifyEmailPage })),
);

/** Asks for a password-reset link (lazy). */
export const ForgotPasswordPage = lazy(() =>
  import('./lib/pages/ForgotPasswordPage').then((m) => ({ default: m.ForgotPasswordPage })),
);

/** Sets a new password from the emailed link (lazy). */
export const ResetPasswordPage = lazy(() =>
  import('./lib/pages/ResetPasswordPage').then((m) => ({ default: m.ResetPasswordPage })),
);

/** The terms, the privacy notice or the SMS notice (lazy; public). */
export const LegalPage = lazy(() => import('./lib/pages/LegalPage').then((m) => ({ default: m.LegalPage })));
