import { useCan } from '@pa/web-data-access';
import { Suspense } from 'react';
import { NavLink, Outlet } from 'react-router';

/** The administration area: its sections, then the page. Wrap in RequirePermission('user:read:any'). */
export function AdminLayout() {
  const canReadAudit = useCan('audit:read:any');
  const canManageNumbers = useCan('sms_number:manage:any');
  const canReadAnalytics = useCan('analytics:read:any');
  return (
    <div className="section-layout">
      <nav className="section-nav" aria-label="Administration">
        <ul>
          <li>
            <NavLink to="/admin/users" className="section-nav-link">
              People
            </NavLink>
          </li>
          {canReadAudit && (
            <li>
              <NavLink to="/admin/audit" className="section-nav-link">
                Audit log
              </NavLink>
            </li>
          )}
          {canManageNumbers && (
            <li>
              <NavLink to="/admin/numbers" className="section-nav-link">
                Numbers
              </NavLink>
            </li>
          )}
          {canReadAnalytics && (
            <li>
              <NavLink to="/admin/sms" className="section-nav-link">
                SMS analytics
              </NavLink>
            </li>
          )}
        </ul>
      </nav>
      <Suspense
        fallback={
          <p role="status" className="page-status">
            Loading…
          </p>
        }
      >
        <Outlet />
      </Suspense>
    </div>
  );
}
