import { lazy } from 'react';

// Route-level code splitting, as in @pa/web-feature-auth: nothing of the administration area loads
// until an allowed person opens it. Wrap the routes in RequireAuth and RequirePermission.

/** The administration area's frame: section links and the current page (lazy). */
export const AdminLayout = lazy(() =>
  import('./lib/pages/AdminLayout').then((m) => ({ default: m.AdminLayout })),
);

/** The people list (lazy). */
export const UsersPage = lazy(() => import('./lib/pages/UsersPage').then((m) => ({ default: m.UsersPage })));

/** One person and the changes an administrator may make (lazy). */
export const UserDetailPage = lazy(() =>
  import('./lib/pages/UserDetailPage').then((m) => ({ default: m.UserDetailPage })),
);

/** The audit trail viewer (lazy; wrap in RequirePermission('audit:read:any')). */
export const AuditLogPage = lazy(() =>
  import('./lib/pages/AuditLogPage').then((m) => ({ default: m.AuditLogPage })),
);
