import {
  AdminLayout,
  AuditLogPage,
  RequirePermission,
  UserDetailPage,
  UsersPage,
} from '@pa/web-feature-admin';
import {
  ForgotPasswordPage,
  LegalPage,
  MfaChallengePage,
  RegisterPage,
  RequireAuth,
  ResetPasswordPage,
  SecurityPage,
  SessionsPage,
  SignInPage,
  VerifyEmailPage,
} from '@pa/web-feature-auth';
import { ChatPage, ConversationsPage, SearchPage, ThreadPanel } from '@pa/web-feature-chat';
import {
  ActivityPage,
  PrivacyPage,
  NotificationsPage,
  PreferencesPage,
  ProfilePage,
  SettingsLayout,
} from '@pa/web-feature-settings';
import { AdminNumbersPage, MyNumberPage, SmsAnalyticsPage } from '@pa/web-feature-sms';
import { TodayPage } from '@pa/web-feature-tasks';
import { lazy } from 'react';
import { Navigate, Outlet, useRoutes, type RouteObject } from 'react-router';
import { App } from './App';
import { HomePage } from './pages/HomePage';
import { NotFoundPage } from './pages/NotFoundPage';

// The home page is in the first chunk; every other page is lazy (React.lazy in its feature lib).
// Declarative routing (useRoutes under <BrowserRouter>), not a data router: the app uses no loaders,
// actions or fetchers, and the data router's code was 17 kB gzipped of the first download.
// The server's status is for the curious and for support: not in the first download.
const StatusPage = lazy(() => import('./pages/StatusPage').then((m) => ({ default: m.StatusPage })));

export const routes: RouteObject[] = [
  {
    element: <App />,
    children: [
      { index: true, element: <HomePage /> },
      { path: 'status', element: <StatusPage /> },
      { path: 'sign-in', element: <SignInPage /> },
      { path: 'sign-in/verify', element: <MfaChallengePage /> },
      { path: 'register', element: <RegisterPage /> },
      { path: 'verify-email', element: <VerifyEmailPage /> },
      { path: 'forgot-password', element: <ForgotPasswordPage /> },
      { path: 'reset-password', element: <ResetPasswordPage /> },
      { path: 'legal/:kind', element: <LegalPage /> },
      {
        path: 'today',
        element: (
          <RequireAuth>
            <TodayPage />
          </RequireAuth>
        ),
      },
      {
        path: 'number',
        element: (
          <RequireAuth>
            <MyNumberPage />
          </RequireAuth>
        ),
      },
      {
        path: 'chat',
        element: (
          <RequireAuth>
            <Outlet />
          </RequireAuth>
        ),
        children: [
          { index: true, element: <ConversationsPage /> },
          { path: 'search', element: <SearchPage /> },
          {
            path: ':conversationId',
            element: <ChatPage />,
            children: [{ path: 'thread/:messageId', element: <ThreadPanel /> }],
          },
        ],
      },
      {
        path: 'settings',
        element: (
          <RequireAuth>
            <SettingsLayout />
          </RequireAuth>
        ),
        children: [
          { index: true, element: <Navigate to="profile" replace /> },
          { path: 'profile', element: <ProfilePage /> },
          { path: 'preferences', element: <PreferencesPage /> },
          { path: 'notifications', element: <NotificationsPage /> },
          { path: 'security', element: <SecurityPage /> },
          { path: 'sessions', element: <SessionsPage /> },
          { path: 'activity', element: <ActivityPage /> },
          { path: 'privacy', element: <PrivacyPage /> },
        ],
      },
      {
        // Guarded before anything of the area loads: others see the refusal, and no admin data is asked for.
        path: 'admin',
        element: (
          <RequireAuth>
            <RequirePermission permission="user:read:any">
              <AdminLayout />
            </RequirePermission>
          </RequireAuth>
        ),
        children: [
          { index: true, element: <Navigate to="users" replace /> },
          { path: 'users', element: <UsersPage /> },
          { path: 'users/:id', element: <UserDetailPage /> },
          {
            path: 'audit',
            element: (
              <RequirePermission permission="audit:read:any">
                <AuditLogPage />
              </RequirePermission>
            ),
          },
          {
            path: 'numbers',
            element: (
              <RequirePermission permission="sms_number:manage:any">
                <AdminNumbersPage />
              </RequirePermission>
            ),
          },
          {
            path: 'sms',
            element: (
              <RequirePermission permission="analytics:read:any">
                <SmsAnalyticsPage />
              </RequirePermission>
            ),
          },
        ],
      },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
];

/** The app's routes, rendered under a <BrowserRouter>. */
export function AppRoutes() {
  return useRoutes(routes);
}
