import { useAuditLog, type AuditEntry } from '@pa/web-data-access/admin';
import { Pager, usePageHeading } from '@pa/web-ui';
import { Link, useSearchParams } from 'react-router';
import { AuditFilterForm } from '../components/AuditFilterForm';
import { RefusedByApi } from '../components/RefusedByApi';
import { adminError, badFilterField, isForbidden } from '../logic/adminErrors';
import { auditArgsFrom, auditFilterFrom, auditParamsFor, type AuditFilterField } from '../logic/auditSearch';
import { outcomeLabel } from '../logic/labels';
import { pageParams } from '../logic/usersSearch';

const dateFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'medium' });

// The API names the filter field it refused; the form's fields have the same names.
const FILTER_FIELDS: readonly AuditFilterField[] = [
  'action',
  'outcome',
  'actorId',
  'subjectId',
  'from',
  'to',
];

function Person({ person, id, none }: { person: AuditEntry['actor']; id: string | null; none: string }) {
  if (person)
    return (
      <>
        <Link to={`/admin/users/${person.id}`}>{person.displayName}</Link>
        <span className="cell-sub cell-wrap">{person.email}</span>
      </>
    );
  if (id) return <code className="cell-wrap">{id}</code>;
  return <span className="cell-sub">{none}</span>;
}

/** The audit trail, newest first: who did what to whom, how it ended, and the request it belongs to. */
export function AuditLogPage() {
  const heading = usePageHeading();
  const [params, setParams] = useSearchParams();
  const filter = auditFilterFrom(params);
  const { entries, pageInfo, loading, error, refetch } = useAuditLog(auditArgsFrom(params));

  if (isForbidden(error)) return <RefusedByApi />;

  const badField = badFilterField(error);
  const apiErrors: Partial<Record<AuditFilterField, string>> = {};
  const refused = FILTER_FIELDS.find((field) => field === badField);
  if (refused && error) apiErrors[refused] = adminError(error).message;

  return (
    <section className="panel" aria-labelledby="audit-title" data-testid="audit-page">
      <h1 id="audit-title" ref={heading} tabIndex={-1}>
        Audit log
      </h1>
      <p className="lead">Sign-ins, changes and refusals across every account, newest first.</p>
      <AuditFilterForm
        key={params.toString()}
        initial={filter}
        apiErrors={apiErrors}
        onApply={(next) => setParams(auditParamsFor(next))}
        onClear={() => setParams(new URLSearchParams())}
      />

      {loading && !entries && (
        <p role="status" data-testid="audit-loading">
          Loading the audit log…
        </p>
      )}
      {error && !entries && !refused && (
        <div className="notice" role="alert">
          <p>{adminError(error).message}</p>
          <button type="button" onClick={refetch}>
            Try again
          </button>
        </div>
      )}
      {entries && entries.length === 0 && <p data-testid="audit-empty">No entries match these filters.</p>}
      {entries && entries.length > 0 && (
        <div className="table-wrap">
          <table className="data-table" data-testid="audit-table">
            <caption className="visually-hidden">Audit entries</caption>
            <thead>
              <tr>
                <th scope="col">Time</th>
                <th scope="col">Actor</th>
                <th scope="col">Action</th>
                <th scope="col">Outcome</th>
                <th scope="col">Permission</th>
                <th scope="col">Resource</th>
                <th scope="col">About</th>
                <th scope="col">Correlation id</th>
              </tr>
            </thead>
            <tbody>
              {entries.map((entry) => (
                <tr key={entry.id} data-testid="audit-row">
                  <td data-label="Time">
                    <time dateTime={entry.at}>{dateFormat.format(new Date(entry.at))}</time>
                  </td>
                  <td data-label="Actor">
                    <Person person={entry.actor} id={entry.actorId} none="Not signed in" />
                  </td>
                  <td data-label="Action" data-testid="audit-action">
                    <code>{entry.action}</code>
                  </td>
                  <td data-label="Outcome" data-testid="audit-outcome">
                    <span className="tag" data-outcome={entry.outcome}>
                      {outcomeLabel(entry.outcome)}
                    </span>
                  </td>
                  <td data-label="Permission">{entry.permission ? <code>{entry.permission}</code> : '—'}</td>
                  <td data-label="Resource" className="cell-wrap">
                    {entry.resourceType
                      ? `${entry.resourceType}${entry.resourceId ? ` ${entry.resourceId}` : ''}`
                      : '—'}
                  </td>
                  <td data-label="About">
                    <Person person={entry.subject} id={entry.subjectId} none="—" />
                  </td>
                  <td data-label="Correlation id">
                    {entry.correlationId ? <code className="cell-wrap">{entry.correlationId}</code> : '—'}
                    {entry.ip && <span className="cell-sub">from {entry.ip}</span>}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {pageInfo && (
        <Pager
          label="Audit log"
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
