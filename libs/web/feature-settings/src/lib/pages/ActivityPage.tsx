import { apiErrorOf } from '@pa/web-data-access';
import { useMyActivity } from '@pa/web-data-access/account';
import {
  FormAlert,
  friendlyErrorFrom,
  relativeTime,
  usePageHeading,
  type FriendlyError,
  focusSoon,
} from '@pa/web-ui';
import { useRef, useState } from 'react';
import { activityLabel, outcomeLabel } from '../logic/activityLabels';

const dateFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });
const PAGE_SIZE = 20;

/** What happened on the account (sign-ins, changes, refusals), newest first, with "Load more". */
export function ActivityPage() {
  const heading = usePageHeading();
  const { entries, hasMore, loading, loadingMore, error, refetch, loadMore } = useMyActivity(PAGE_SIZE);
  const [problem, setProblem] = useState<FriendlyError | null>(null);
  const alertRef = useRef<HTMLDivElement>(null);
  const listRef = useRef<HTMLOListElement>(null);

  const onLoadMore = async () => {
    setProblem(null);
    const before = entries?.length ?? 0;
    try {
      await loadMore();
      // Keyboard users continue from the first new entry.
      focusSoon(() => listRef.current?.querySelectorAll<HTMLElement>('li')[before]);
    } catch (err) {
      setProblem(friendlyErrorFrom(apiErrorOf(err)));
      focusSoon(() => alertRef.current);
    }
  };

  return (
    <section className="panel" aria-labelledby="activity-title" data-testid="activity-page">
      <h1 id="activity-title" ref={heading} tabIndex={-1}>
        Account activity
      </h1>
      <p className="lead">
        Sign-ins and changes on your account, newest first. Something you don't recognise? Sign that device
        out on Your devices and change your password.
      </p>
      <FormAlert error={problem} alertRef={alertRef} testId="activity-error" />

      {loading && !entries && (
        <p role="status" data-testid="activity-loading">
          Loading your account activity…
        </p>
      )}
      {error && !entries && (
        <div className="notice" role="alert">
          <p>{friendlyErrorFrom(apiErrorOf(error)).message}</p>
          <button type="button" onClick={refetch}>
            Try again
          </button>
        </div>
      )}
      {entries && entries.length === 0 && <p data-testid="activity-empty">Nothing to show yet.</p>}
      {entries && entries.length > 0 && (
        <ol className="activity-list" data-testid="activity-list" ref={listRef}>
          {entries.map((entry) => (
            <li key={entry.id} className="activity" data-testid="activity-entry" tabIndex={-1}>
              <p className="activity-what">
                <span data-testid="activity-action">{activityLabel(entry.action)}</span>
                <span className="tag" data-outcome={entry.outcome}>
                  {outcomeLabel(entry.outcome)}
                </span>
              </p>
              <p className="session-meta">
                <time dateTime={entry.at} title={dateFormat.format(new Date(entry.at))}>
                  {relativeTime(entry.at)}
                </time>
                {' · '}
                {dateFormat.format(new Date(entry.at))}
                {entry.ip && <> · {entry.ip}</>}
              </p>
            </li>
          ))}
        </ol>
      )}
      {hasMore && (
        <button type="button" onClick={() => void onLoadMore()} disabled={loadingMore}>
          {loadingMore ? 'Loading…' : 'Load more'}
        </button>
      )}
    </section>
  );
}
