import { lazy } from 'react';

// Route-level code splitting, as in @pa/web-feature-auth: each page is its own chunk, loaded when its
// route is first visited. Every page here needs a signed-in person: wrap the routes in RequireAuth.

/** The settings area's frame: section links and the current page (lazy). */
export const SettingsLayout = lazy(() =>
  import('./lib/pages/SettingsLayout').then((m) => ({ default: m.SettingsLayout })),
);

/** Display name, avatar colour and picture (lazy). */
export const ProfilePage = lazy(() =>
  import('./lib/pages/ProfilePage').then((m) => ({ default: m.ProfilePage })),
);

/** Time zone, language, quiet hours, reminders, check-in, tone, SMS length (lazy). */
export const PreferencesPage = lazy(() =>
  import('./lib/pages/PreferencesPage').then((m) => ({ default: m.PreferencesPage })),
);

/** The account's own activity (lazy). */
export const ActivityPage = lazy(() =>
  import('./lib/pages/ActivityPage').then((m) => ({ default: m.ActivityPage })),
);

/** Notifications on this device (Web Push), the devices that get them, the escalation ladder (lazy). */
export const NotificationsPage = lazy(() =>
  import('./lib/pages/NotificationsPage').then((m) => ({ default: m.NotificationsPage })),
);

/** Your data: download a copy, delete the account with a grace period and undo (lazy). */
export const PrivacyPage = lazy(() =>
  import('./lib/pages/PrivacyPage').then((m) => ({ default: m.PrivacyPage })),
);
