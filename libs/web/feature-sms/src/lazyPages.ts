import { lazy } from 'react';

// Route-level code splitting, as in the other features: nothing of these pages loads until one opens.
// Wrap them in RequireAuth; the administration pages also in RequirePermission.

/** The person's own number: get one, text it, what it costs (lazy). */
export const MyNumberPage = lazy(() =>
  import('./lib/pages/MyNumberPage').then((m) => ({ default: m.MyNumberPage })),
);

/** Every number, the pool, reassigning and releasing (lazy; RequirePermission('sms_number:manage:any')). */
export const AdminNumbersPage = lazy(() =>
  import('./lib/pages/AdminNumbersPage').then((m) => ({ default: m.AdminNumbersPage })),
);

/** Platform texts and costs with a chart and a CSV export (lazy; RequirePermission('analytics:read:any')). */
export const SmsAnalyticsPage = lazy(() =>
  import('./lib/pages/SmsAnalyticsPage').then((m) => ({ default: m.SmsAnalyticsPage })),
);
