import type { Permission } from '@pa/shared-domain/access';
import { useCan } from '@pa/web-data-access';
import type { ReactNode } from 'react';
import { NoAccess } from './NoAccess';

/**
 * Shows its children only when the signed-in person's role grants `permission` (shared matrix);
 * otherwise the refusal, and nothing below it is loaded or fetched. Wrap in RequireAuth. The API checks
 * every request itself: this only keeps people from pages they cannot use.
 */
export function RequirePermission({ permission, children }: { permission: Permission; children: ReactNode }) {
  const allowed = useCan(permission);
  return allowed ? <>{children}</> : <NoAccess />;
}
