import { can, type Permission } from '@pa/shared-domain/access';
import { domainRoleOf } from '../lib/enums';
import { useAuth } from './useAuth';

/**
 * Whether the signed-in person's role grants `permission`, from the shared matrix. Only for showing
 * or hiding things: the API checks every request itself.
 */
export function useCan(permission: Permission): boolean {
  const { status, user } = useAuth();
  return status === 'signedIn' && !!user && can(domainRoleOf(user.role), permission);
}
