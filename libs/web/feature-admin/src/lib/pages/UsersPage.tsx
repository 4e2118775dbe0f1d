import { useAdminUsers } from '@pa/web-data-access/admin';
import { Avatar, Pager, SelectField, TextField, usePageHeading } from '@pa/web-ui';
import { useEffect, useState, type FormEvent } from 'react';
import { Link, useLocation, useSearchParams } from 'react-router';
import { RefusedByApi } from '../components/RefusedByApi';
import { adminError, isForbidden } from '../logic/adminErrors';
import { ROLE_OPTIONS, roleLabel, statusLabel } from '../logic/labels';
import { pageParams, usersArgsFrom, usersFilterFrom, usersParamsFor } from '../logic/usersSearch';

const dateFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' });

/** Everyone with an account: search, filter by role and status, a page at a time. */
export function UsersPage() {
  const heading = usePageHeading();
  const location = useLocation();
  const [params, setParams] = useSearchParams();
  const applied = usersFilterFrom(params);
  const [form, setForm] = useState(applied);
  const { users, pageInfo, loading, error, refetch } = useAdminUsers(usersArgsFrom(params));
  const notice = (location.state as { notice?: unknown } | null)?.notice;
  const paramsKey = params.toString();

  // Back/forward or a link changed the address: the form shows the filter in use.
  useEffect(() => setForm(usersFilterFrom(new URLSearchParams(paramsKey))), [paramsKey]);

  if (isForbidden(error)) return <RefusedByApi />;

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    setParams(usersParamsFor(form));
  };

  const filtered = !!(applied.search || applied.role || applied.status);
  return (
    <section className="panel" aria-labelledby="users-title" data-testid="users-page">
      <h1 id="users-title" ref={heading} tabIndex={-1}>
        People
      </h1>
      <p className="lead">
        Everyone with an account, newest first. Open a person to change their role or account.
      </p>
      {typeof notice === 'string' && (
        <p className="notice-calm" role="status" data-testid="users-notice">
          {notice}
        </p>
      )}

      <form className="filter-form" role="search" aria-label="People" onSubmit={onSubmit}>
        <TextField
          id="users-search"
          label="Name or email"
          type="search"
          value={form.search}
          onValueChange={(search) => setForm({ ...form, search })}
          spellCheck={false}
        />
        <SelectField
          id="users-role"
          label="Role"
          value={form.role}
          onValueChange={(role) => setForm({ ...form, role })}
          options={[
            { value: '', label: 'Any role' },
            ...ROLE_OPTIONS.map((o) => ({ value: o.value.toLowerCase(), label: o.label })),
          ]}
        />
        <SelectField
          id="users-status"
          label="Status"
          value={form.status}
          onValueChange={(status) => setForm({ ...form, status })}
          options={[
            { value: '', label: 'Any status' },
            { value: 'ACTIVE', label: statusLabel('ACTIVE') },
            { value: 'DISABLED', label: statusLabel('DISABLED') },
          ]}
        />
        <div className="filter-actions">
          <button type="submit" className="button-primary">
            Search
          </button>
          {filtered && (
            <button type="button" className="button-quiet" onClick={() => setParams(new URLSearchParams())}>
              Clear
            </button>
          )}
        </div>
      </form>

      {loading && !users && (
        <p role="status" data-testid="users-loading">
          Loading people…
        </p>
      )}
      {error && !users && (
        <div className="notice" role="alert">
          <p>{adminError(error).message}</p>
          <button type="button" onClick={refetch}>
            Try again
          </button>
        </div>
      )}
      {users && users.length === 0 && (
        <p data-testid="users-empty">{filtered ? 'Nobody matches this search.' : 'Nobody here yet.'}</p>
      )}
      {users && users.length > 0 && (
        <div className="table-wrap">
          <table className="data-table" data-testid="users-table">
            <caption className="visually-hidden">People{filtered ? ' matching the search' : ''}</caption>
            <thead>
              <tr>
                <th scope="col">Person</th>
                <th scope="col">Email</th>
                <th scope="col">Role</th>
                <th scope="col">Status</th>
                <th scope="col">Created</th>
              </tr>
            </thead>
            <tbody>
              {users.map((user) => (
                <tr key={user.id} data-testid="user-row" data-user-id={user.id}>
                  <th scope="row" data-label="Person">
                    <span className="person">
                      <Avatar
                        initials={user.avatar.initials}
                        color={user.avatar.color}
                        imageUrl={user.avatar.imageUrl}
                        size="small"
                      />
                      <Link to={`/admin/users/${user.id}`}>{user.displayName}</Link>
                    </span>
                  </th>
                  <td data-label="Email" className="cell-wrap">
                    {user.email}
                  </td>
                  <td data-label="Role" data-testid="user-role">
                    {roleLabel(user.role)}
                  </td>
                  <td data-label="Status" data-testid="user-status">
                    <span className="tag" data-on={user.status === 'ACTIVE'}>
                      {statusLabel(user.status)}
                    </span>
                  </td>
                  <td data-label="Created">
                    <time dateTime={user.createdAt}>{dateFormat.format(new Date(user.createdAt))}</time>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {pageInfo && (
        <Pager
          label="People"
          hasPrevious={pageInfo.hasPreviousPage}
          hasNext={pageInfo.hasNextPage}
          busy={loading}
          onPrevious={() =>
            pageInfo.startCursor && setParams(pageParams(params, 'previous', pageInfo.startCursor))
          }
          onNext={() => pageInfo.endCursor && setParams(pageParams(params, 'next', pageInfo.endCursor))}
        />
      )}
    </section>
  );
}
