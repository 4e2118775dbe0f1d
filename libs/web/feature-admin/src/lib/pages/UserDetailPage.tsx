import { useAuth, useCan } from '@pa/web-data-access';
import { useAdminUser } from '@pa/web-data-access/admin';
import { Avatar, usePageHeading } from '@pa/web-ui';
import { Link, useParams } from 'react-router';
import { AccountStatusSection } from '../components/AccountStatusSection';
import { DeleteSection } from '../components/DeleteSection';
import { RefusedByApi } from '../components/RefusedByApi';
import { RoleSection } from '../components/RoleSection';
import { adminError, isForbidden } from '../logic/adminErrors';
import { roleLabel } from '../logic/labels';

const dateFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

/** One person: who they are, and what an administrator may change (role, account on/off, deletion). */
export function UserDetailPage() {
  const { id = '' } = useParams();
  const { user: me } = useAuth();
  const canAssign = useCan('role:assign:any');
  const canManage = useCan('user:manage:any');
  const canReadAudit = useCan('audit:read:any');
  const heading = usePageHeading();
  const { user, loading, error, refetch } = useAdminUser(id);

  if (isForbidden(error)) return <RefusedByApi />;

  const own = me?.id === id ? 'This is your own account: another administrator can change it.' : null;
  const notAllowed = (allowed: boolean) => own ?? (allowed ? null : 'Your role cannot change this.');

  return (
    <section className="panel" aria-labelledby="user-title" data-testid="user-detail-page">
      <p className="back-link">
        <Link to="/admin/users">
          <span aria-hidden="true">← </span>All people
        </Link>
      </p>
      <h1 id="user-title" ref={heading} tabIndex={-1}>
        {user ? user.displayName : 'Person'}
      </h1>
      {loading && !user && (
        <p role="status" data-testid="user-loading">
          Loading…
        </p>
      )}
      {error && !user && (
        <div className="notice" role="alert">
          <p>{adminError(error).message}</p>
          <button type="button" onClick={refetch}>
            Try again
          </button>
        </div>
      )}
      {user && (
        <>
          <div className="person-card">
            <Avatar
              initials={user.avatar.initials}
              color={user.avatar.color}
              imageUrl={user.avatar.imageUrl}
              size="large"
            />
            <dl className="facts">
              <div>
                <dt>Email</dt>
                <dd className="cell-wrap">
                  {user.email} {user.emailVerifiedAt ? '(confirmed)' : '(not confirmed yet)'}
                </dd>
              </div>
              <div>
                <dt>Role</dt>
                <dd>{roleLabel(user.role)}</dd>
              </div>
              <div>
                <dt>Time zone</dt>
                <dd>{user.timeZone}</dd>
              </div>
              <div>
                <dt>Mobile</dt>
                <dd>{user.phone ?? 'None verified'}</dd>
              </div>
              <div>
                <dt>Created</dt>
                <dd>{dateFormat.format(new Date(user.createdAt))}</dd>
              </div>
              <div>
                <dt>Account id</dt>
                <dd>
                  <code className="cell-wrap">{user.id}</code>
                </dd>
              </div>
            </dl>
          </div>
          {canReadAudit && (
            <p>
              <Link to={`/admin/audit?subject=${encodeURIComponent(user.id)}`}>
                Audit trail about {user.displayName}
              </Link>
            </p>
          )}
          <RoleSection user={user} disabledReason={notAllowed(canAssign)} />
          <AccountStatusSection user={user} disabledReason={notAllowed(canManage)} />
          <DeleteSection user={user} disabledReason={notAllowed(canManage)} />
        </>
      )}
    </section>
  );
}
