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
