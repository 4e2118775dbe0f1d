import { normaliseMessageBody } from '@pa/shared-domain/conversations';
import { useAuth, useOffline } from '@pa/web-data-access';
import { useConversationActions, useConversations, useOutbox } from '@pa/web-data-access/chat';
import { useToday, useTodayActions, type UpcomingReminder } from '@pa/web-data-access/tasks';
import { ActionNotice, ConfirmDialog, relativeTime, useNow } from '@pa/web-ui';
import { useState } from 'react';
import { Link } from 'react-router';
import { QuickCapture } from '../components/QuickCapture';
import { RefusedChanges } from '../components/RefusedChanges';
import { TaskCard } from '../components/TaskCard';
import { SNOOZE_BY, useTodayRunner } from '../hooks/useTodayRunner';
import { dueLabel, dueSoon, snoozeMinutes, todayLabel } from '../logic/times';

const TOP_TASKS = 3;
const RECENT_CONVERSATIONS = 3;

/** Where a message sent from the dashboard went, to follow the answer. */
interface Asked {
  conversationId: string;
}

/**
 * The home of a signed-in person: the next reminder with a big Done and Snooze, the first few tasks,
 * one field to capture a thought (a task, or a word to the assistant) and the latest conversations.
 * Shows what was kept on this device when offline; what is done then waits in the outbox.
 */
export function DashboardPage() {
  const now = useNow();
  const { user } = useAuth();
  const offline = useOffline();
  const timeZone = user?.timeZone;
  const today = useToday();
  const actions = useTodayActions();
  const runner = useTodayRunner(actions, today.refetch);
  const conversations = useConversations(false);
  const conversationActions = useConversationActions();
  const outbox = useOutbox();
  const [asked, setAsked] = useState<Asked | null>(null);
  const [askProblem, setAskProblem] = useState<string | null>(null);
  const [stopping, setStopping] = useState<UpcomingReminder | null>(null);

  const dueNow = today.due?.[0];
  const next = dueNow ? undefined : today.reminders?.[0];
  const topTasks = today.openTasks?.slice(0, TOP_TASKS);
  const moreTasks = (today.openTasks?.length ?? 0) - (topTasks?.length ?? 0);
  const recent = conversations.conversations?.slice(0, RECENT_CONVERSATIONS);

  const ask = async (text: string): Promise<boolean> => {
    setAskProblem(null);
    setAsked(null);
    const body = normaliseMessageBody(text);
    if (body === null || !outbox) return false;
    let conversationId = recent?.[0]?.id;
    try {
      conversationId ??= (await conversationActions.create()).id;
    } catch {
      setAskProblem('The assistant can be asked once you are back online (there is no conversation yet).');
      return false;
    }
    try {
      await outbox.add({ kind: 'sendMessage', conversationId, parentId: null, body });
    } catch {
      setAskProblem('That could not be kept. Please try again.');
      return false;
    }
    setAsked({ conversationId });
    return true;
  };
  const done = (reminder: UpcomingReminder) => {
    // Stopping a repeating reminder is for good: ask first.
    if (reminder.repeats) setStopping(reminder);
    else void runner.cancel(reminder);
  };

  return (
    <div className="dashboard" data-testid="dashboard">
      <section className="panel dashboard-next" aria-labelledby="next-title" data-testid="next-reminder">
        <p className="dashboard-date">{todayLabel(now, timeZone)}</p>
        <h2 id="next-title">Next reminder</h2>
        {!today.reminders && today.loading && <p className="page-status">Loading…</p>}
        {dueNow && (
          <div className="due-now" data-testid="next-reminder-due" data-reminder-id={dueNow.id}>
            <p className="due-now-label">
              <strong>Due now</strong>
              {(today.due?.length ?? 0) > 1 && (
                <span> · and {(today.due?.length ?? 1) - 1} more on Today</span>
              )}
            </p>
            <p className="next-text">{dueNow.kind === 'FOCUS' ? `${dueNow.text} ends` : dueNow.text}</p>
            {offline && <p className="hint">Reminders can be answered when you are back online.</p>}
            <div className="big-actions">
              <button
                type="button"
                className="button-primary button-big"
                onClick={() => runner.acknowledge(dueNow, 'DONE')}
                disabled={runner.busy || offline}
                aria-label={`Done: ${dueNow.text}`}
              >
                Done
              </button>
              <button
                type="button"
                className="button-big"
                onClick={() => runner.acknowledge(dueNow, 'SNOOZED')}
                disabled={runner.busy || offline}
                aria-label={`Snooze ${SNOOZE_BY} minutes: ${dueNow.text}`}
              >
                Snooze {SNOOZE_BY}
              </button>
            </div>
          </div>
        )}
        {today.reminders && !next && !dueNow && (
          <p data-testid="next-reminder-empty">Nothing coming up. Enjoy the quiet.</p>
        )}
        {next && (
          <>
            <p className="next-text" data-reminder-id={next.id}>
              {next.kind === 'FOCUS' ? `${next.text} ends` : next.text}
            </p>
            <p className="reminder-when">
              <time dateTime={next.dueAt}>{dueLabel(next.dueAt, now, timeZone)}</time>
              {dueSoon(next.dueAt, now) && <span> · {dueSoon(next.dueAt, now)}</span>}
              {next.repeats && <span> · repeats {next.repeats}</span>}
            </p>
            {offline && <p className="hint">Reminders can be changed when you are back online.</p>}
            <div className="big-actions">
              <button
                type="button"
                className="button-primary button-big"
                onClick={() => done(next)}
                disabled={runner.busy || offline}
                aria-label={`${next.repeats ? 'Stop' : 'Done'}: ${next.text}`}
              >
                {next.repeats ? 'Stop' : 'Done'}
              </button>
              {snoozeMinutes(next.dueAt, now, SNOOZE_BY) !== null && (
                <button
                  type="button"
                  className="button-big"
                  onClick={() => runner.snooze(next)}
                  disabled={runner.busy || offline}
                  aria-label={`Snooze ${SNOOZE_BY} minutes: ${next.text}`}
                >
                  Snooze {SNOOZE_BY}
                </button>
              )}
            </div>
          </>
        )}
      </section>

      <section className="panel dashboard-capture" aria-labelledby="quick-capture-heading">
        <h2 id="quick-capture-heading" className="visually-hidden">
          Quick capture
        </h2>
        <QuickCapture
          onCapture={runner.capture}
          onAsk={ask}
          label="What is on your mind?"
          hint="Add it to your list, or ask the assistant. It is kept even offline."
        />
        <ActionNotice
          message={runner.notice?.text ?? null}
          actionLabel="Undo"
          onAction={runner.notice?.undo ? runner.undo : undefined}
          busy={runner.busy}
          testId="dashboard-notice"
        />
        {asked && (
          <p className="notice-calm dashboard-more" data-testid="dashboard-asked">
            Sent to the assistant{offline ? ' (it goes as soon as you are back online)' : ''}.{' '}
            <Link to={`/chat/${encodeURIComponent(asked.conversationId)}`}>See the answer</Link>
          </p>
        )}
        {askProblem && (
          <p className="form-alert" role="alert">
            {askProblem}
          </p>
        )}
        {runner.problem && !stopping && (
          <div className="form-alert" role="alert" data-testid="dashboard-error">
            <p>{runner.problem.message}</p>
          </div>
        )}
        <RefusedChanges changes={today.refused} onRetry={runner.retry} onDiscard={runner.discard} />
      </section>

      <section className="panel dashboard-tasks" aria-labelledby="top-tasks-title">
        <h2 id="top-tasks-title">First things</h2>
        {!topTasks && today.loading && <p className="page-status">Loading…</p>}
        {topTasks && topTasks.length === 0 && (
          <p data-testid="dashboard-tasks-empty">
            Nothing on your list. Add one thing above when you are ready.
          </p>
        )}
        {topTasks && topTasks.length > 0 && (
          <ol className="task-list" data-testid="top-tasks">
            {topTasks.map((task) => (
              <TaskCard
                key={task.clientId ?? task.id}
                task={task}
                busy={runner.busy}
                now={now}
                timeZone={timeZone}
                onDone={runner.complete}
                onReopen={runner.reopen}
              />
            ))}
          </ol>
        )}
        <p className="dashboard-more">
          <Link to="/today">
            {moreTasks > 0 ? `See all of today (${moreTasks} more)` : 'See all of today'}
          </Link>
        </p>
      </section>

      <section className="panel dashboard-recent" aria-labelledby="recent-title">
        <h2 id="recent-title">Recent conversations</h2>
        {recent && recent.length === 0 && <p>No conversations yet.</p>}
        {recent && recent.length > 0 && (
          <ul className="recent-list" data-testid="recent-conversations">
            {recent.map((conversation) => (
              <li key={conversation.id}>
                <Link className="recent-link" to={`/chat/${encodeURIComponent(conversation.id)}`}>
                  <span className="recent-title">{conversation.title}</span>
                  <span className="recent-when">
                    <time dateTime={conversation.lastActivityAt}>
                      {relativeTime(conversation.lastActivityAt, now)}
                    </time>
                  </span>
                </Link>
              </li>
            ))}
          </ul>
        )}
        <p className="dashboard-more">
          <Link to="/chat">All conversations</Link>
        </p>
      </section>

      {stopping && (
        <ConfirmDialog
          title={`Stop “${stopping.text}”?`}
          description={`It repeats ${stopping.repeats ?? ''}. It will not remind you again; you can ask the assistant for a new one any time.`}
          confirmLabel="Stop it"
          busyLabel="Stopping…"
          busy={runner.busy || offline}
          error={runner.problem}
          onConfirm={() =>
            void runner.cancel(stopping).then((ok) => {
              if (ok) setStopping(null);
            })
          }
          onCancel={() => {
            setStopping(null);
            runner.clearProblem();
          }}
          testId="dashboard-stop-dialog"
        />
      )}
    </div>
  );
}
