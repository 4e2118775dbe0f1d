import { useThread } from '@pa/web-data-access/chat';
import { useEffect, useRef } from 'react';
import { Link, useOutletContext, useParams, useSearchParams } from 'react-router';
import { Composer } from '../components/Composer';
import { MessageLine } from '../components/MessageLine';
import { MessageList } from '../components/MessageList';
import { useDraft } from '../hooks/useDraft';
import { chatProblemOf } from '../logic/chatErrors';
import { withTextBack } from '../logic/drafts';
import type { ThreadContext } from './ChatPage';

/** The replies under one message: beside the conversation on a wide screen, instead of it on a phone. */
export function ThreadPanel() {
  const { messageId = '' } = useParams();
  const [params] = useSearchParams();
  const { room, timeZone, now, archived } = useOutletContext<ThreadContext>();
  const thread = useThread(room, messageId);
  const [draft, setDraft] = useDraft(room.conversationId, messageId);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const composerRef = useRef<HTMLTextAreaElement>(null);
  const repliesRef = useRef<HTMLOListElement>(null);
  const conversationLink = `/chat/${encodeURIComponent(room.conversationId)}`;

  useEffect(() => {
    headingRef.current?.focus();
  }, [messageId]);

  // A new reply (one's own or the assistant's) comes into view.
  const lastKey = thread.items[thread.items.length - 1]?.key;
  useEffect(() => {
    if (!lastKey) return;
    const line = repliesRef.current?.querySelector(`[data-key="${CSS.escape(lastKey)}"]`);
    line?.scrollIntoView({ block: 'nearest' });
  }, [lastKey]);

  const edit = (clientId: string) => {
    const body = room.discard(clientId);
    if (body !== undefined) setDraft(withTextBack(draft, body));
    composerRef.current?.focus();
  };

  return (
    <aside className="thread-panel" aria-labelledby="thread-title" data-testid="thread-panel">
      <div className="thread-header">
        <h2 id="thread-title" ref={headingRef} tabIndex={-1}>
          Thread
        </h2>
        <Link to={conversationLink} className="button-link">
          Close<span className="visually-hidden"> the thread, back to the conversation</span>
        </Link>
      </div>
      {thread.loading && (
        <p role="status" className="page-status">
          Loading the thread…
        </p>
      )}
      {thread.error && (
        <div className="notice" role="alert">
          <p>{chatProblemOf(thread.error).message}</p>
        </div>
      )}
      {thread.root && (
        <ol className="message-list thread-root" aria-label="Message">
          <MessageLine
            item={{ kind: 'message', key: thread.root.id, message: thread.root }}
            timeZone={timeZone}
            now={now}
            onRetry={room.retry}
            onEdit={edit}
          />
        </ol>
      )}
      {thread.root && thread.items.length === 0 && (
        <p className="hint" data-testid="thread-empty">
          No replies yet. Add a detail, a next step, or a thought.
        </p>
      )}
      <MessageList
        items={thread.items}
        label="Replies"
        listRef={repliesRef}
        testId="thread-replies"
        timeZone={timeZone}
        now={now}
        onRetry={room.retry}
        onEdit={edit}
        highlightedId={params.get('m')}
      />
      {thread.hasLater && (
        <button
          type="button"
          className="button-quiet"
          onClick={thread.loadLater}
          disabled={thread.loadingLater}
        >
          {thread.loadingLater ? 'Loading…' : 'Show later replies'}
        </button>
      )}
      {thread.root && (
        <Composer
          label="Reply in the thread"
          placeholder="Reply…"
          value={draft}
          onValueChange={setDraft}
          onSend={(text) => room.send(text, messageId)}
          disabledNote={archived ? 'Archived: restore it to write here.' : null}
          textareaRef={composerRef}
          testId="thread-composer"
        />
      )}
    </aside>
  );
}
