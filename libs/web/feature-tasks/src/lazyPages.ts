import { lazy } from 'react';

// Route-level code splitting, as in the other features: the Today view loads when it is opened.
// It needs a signed-in person: wrap the route in RequireAuth.

/** Open tasks with Done, coming reminders, recently done with undo, quick capture; live (lazy). */
export const TodayPage = lazy(() => import('./lib/pages/TodayPage').then((m) => ({ default: m.TodayPage })));

/** The home of a signed-in person: next reminder, first tasks, quick capture, recent conversations (lazy). */
export const DashboardPage = lazy(() =>
  import('./lib/pages/DashboardPage').then((m) => ({ default: m.DashboardPage })),
);

/** The alert for reminders that fire while the app is open, on every page (lazy; signed-in only). */
export const ReminderAlerts = lazy(() =>
  import('./lib/components/ReminderAlerts').then((m) => ({ default: m.ReminderAlerts })),
);
