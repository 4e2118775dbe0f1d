import { useAuth } from '@pa/web-data-access';
import { useEffect } from 'react';
import { NoAccess } from './NoAccess';

/**
 * The API refused (FORBIDDEN): the role changed since sign-in. Show the refusal and reload the
 * signed-in user, so the navigation stops offering the area.
 */
export function RefusedByApi() {
  const { reloadUser } = useAuth();
  useEffect(() => {
    void reloadUser().catch(() => undefined);
  }, [reloadUser]);
  return <NoAccess />;
}
