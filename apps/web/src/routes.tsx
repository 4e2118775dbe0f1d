import {
  ForgotPasswordPage,
  MfaChallengePage,
  RegisterPage,
  RequireAuth,
  ResetPasswordPage,
  SecurityPage,
  SessionsPage,
  SignInPage,
  VerifyEmailPage,
} from '@pa/web-feature-auth';
import { createBrowserRouter, type RouteObject } from 'react-router';
import { App } from './App';
import { HomePage } from './pages/HomePage';
import { NotFoundPage } from './pages/NotFoundPage';

// The home page is in the first chunk; the auth pages are lazy (React.lazy in @pa/web-feature-auth).
export const routes: RouteObject[] = [
  {
    element: <App />,
    children: [
      { index: true, element: <HomePage /> },
      { path: 'sign-in', element: <SignInPage /> },
      { path: 'sign-in/verify', element: <MfaChallengePage /> },
      { path: 'register', element: <RegisterPage /> },
      { path: 'verify-email', element: <VerifyEmailPage /> },
      { path: 'forgot-password', element: <ForgotPasswordPage /> },
      { path: 'reset-password', element: <ResetPasswordPage /> },
      {
        path: 'settings/sessions',
        element: (
          <RequireAuth>
            <SessionsPage />
          </RequireAuth>
        ),
      },
      {
        path: 'settings/security',
        element: (
          <RequireAuth>
            <SecurityPage />
          </RequireAuth>
        ),
      },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
];

/** The browser router of the app. */
export const createAppRouter = () => createBrowserRouter(routes);
