import { isRetryable, type ChatMessage, type OutboxEntry, type TimelineItem } from '@pa/web-data-access/chat';
import { fullDateTime, messageTimeLabel } from '../logic/times';
import { sendFailureText } from '../logic/chatErrors';

const AUTHOR_LABEL: Record<ChatMessage['author'], string> = {
  USER: 'You',
  ASSISTANT: 'Assistant',
  SYSTEM: 'Notice',
};

/** Words the reminder buttons send: what the assistant understands as an answer to its last reminder. */
export const QUICK_ANSWERS = [
  { label: 'Done', text: 'done' },
  { label: 'Snooze 10', text: 'snooze 10' },
] as const;

export interface MessageLineProps {
  item: TimelineItem;
  timeZone?: string;
  now: number;
  /** Opens the thread of a message (left out inside a thread). */
  onOpenThread?(messageId: string): void;
  /** This is the reminder the quick answers apply to. */
  answerable?: boolean;
  onQuickAnswer?(text: string): void;
  onRetry(clientId: string): void;
  onEdit(clientId: string): void;
  /** The message a search result pointed at. */
  highlighted?: boolean;
}

function Time({ iso, now, timeZone }: { iso: string; now: number; timeZone?: string }) {
  return (
    <time dateTime={iso} title={fullDateTime(iso, timeZone)}>
      {messageTimeLabel(iso, now, timeZone)}
    </time>
  );
}

function UnsentNote({ entry, onRetry, onEdit }: { entry: OutboxEntry; onRetry(): void; onEdit(): void }) {
  if (entry.state === 'sending') {
    return (
      <p className="message-meta" data-testid="message-sending">
        <span className="message-author">You</span> · Sending…
      </p>
    );
  }
  if (entry.state === 'waiting') {
    // Kept on this device (also over a reload) and sent by itself once the connection is back.
    const tried = (entry.attempts ?? 0) > 0;
    return (
      <div className="message-waiting" data-testid="message-waiting">
        <p className="message-meta">
          <span className="message-author">You</span> · Waiting to send
          {tried && <span> — it will be tried again shortly</span>}
        </p>
        <div className="message-actions">
          {tried && (
            <button type="button" className="button-quiet" onClick={onRetry}>
              Try now
            </button>
          )}
          <button type="button" className="button-quiet" onClick={onEdit}>
            Edit
          </button>
        </div>
      </div>
    );
  }
  const retryable = isRetryable(entry.failure);
  return (
    <div className="message-failed" data-testid="message-failed">
      <p className="message-failed-text" role="alert">
        {entry.failure ? sendFailureText(entry.failure) : 'Not sent.'}{' '}
        {retryable && <span className="visually-hidden">You can retry.</span>}
      </p>
      <div className="message-actions">
        {retryable && (
          <button type="button" className="button-primary" onClick={onRetry}>
            Retry
          </button>
        )}
        <button type="button" className="button-quiet" onClick={onEdit}>
          Edit
        </button>
      </div>
    </div>
  );
}

/** One line of a chat: a message (the assistant's look different from the person's), or one not yet sent. */
export function MessageLine({
  item,
  timeZone,
  now,
  onOpenThread,
  answerable = false,
  onQuickAnswer,
  onRetry,
  onEdit,
  highlighted = false,
}: MessageLineProps) {
  if (item.kind === 'unsent') {
    const { entry } = item;
    return (
      <li
        className="message"
        data-key={item.key}
        data-author="USER"
        data-state={entry.state}
        data-testid="message"
      >
        <p className="message-body">{entry.body}</p>
        <UnsentNote
          entry={entry}
          onRetry={() => onRetry(entry.clientId)}
          onEdit={() => onEdit(entry.clientId)}
        />
      </li>
    );
  }
  const { message } = item;
  const replies = message.replyCount;
  return (
    <li
      className="message"
      data-key={item.key}
      data-author={message.author}
      data-state="sent"
      data-highlighted={highlighted || undefined}
      data-message-id={message.id}
      data-testid="message"
    >
      <p className="message-body">{message.body}</p>
      <p className="message-meta">
        <span className="message-author">{AUTHOR_LABEL[message.author]}</span> ·{' '}
        <Time iso={message.createdAt} now={now} timeZone={timeZone} />
        {onOpenThread && (
          <>
            {' · '}
            <button
              type="button"
              className="link-button"
              data-thread-button={message.id}
              onClick={() => onOpenThread(message.id)}
            >
              {replies === 0 ? 'Reply' : `${replies} ${replies === 1 ? 'reply' : 'replies'}`}
              <span className="visually-hidden"> in a thread</span>
            </button>
          </>
        )}
      </p>
      {answerable && onQuickAnswer && (
        <div className="message-actions" role="group" aria-label="Answer the reminder">
          {QUICK_ANSWERS.map((answer) => (
            <button
              key={answer.text}
              type="button"
              className="button-primary"
              onClick={() => onQuickAnswer(answer.text)}
            >
              {answer.label}
            </button>
          ))}
        </div>
      )}
    </li>
  );
}
