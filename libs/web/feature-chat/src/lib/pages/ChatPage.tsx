import { useAuth } from '@pa/web-data-access';
import {
  answerableReminderId,
  useChatRoom,
  useConversation,
  useConversationActions,
  useTimeline,
  type ChatRoom,
} from '@pa/web-data-access/chat';
import { useNow, usePageHeading } from '@pa/web-ui';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { Link, Outlet, useLocation, useMatch, useNavigate, useParams, useSearchParams } from 'react-router';
import { ArrivalAnnouncer } from '../components/ArrivalAnnouncer';
import { Composer } from '../components/Composer';
import { EmptyChat } from '../components/EmptyChat';
import { MessageList } from '../components/MessageList';
import { useChatScroll } from '../hooks/useChatScroll';
import { useDraft } from '../hooks/useDraft';
import { chatProblemOf, isGone } from '../logic/chatErrors';
import { withTextBack } from '../logic/drafts';

/** What the thread panel (a child route) gets from its conversation. */
export interface ThreadContext {
  room: ChatRoom;
  timeZone?: string;
  now: number;
  archived: boolean;
}

/** A conversation with the assistant: live messages, older ones on scroll, threads beside it. */
export function ChatPage() {
  const { conversationId = '' } = useParams();
  // A fresh room per conversation: nothing of the previous one lingers.
  return <ChatRoomView key={conversationId} conversationId={conversationId} />;
}

function ChatRoomView({ conversationId }: { conversationId: string }) {
  const { user } = useAuth();
  const timeZone = user?.timeZone;
  const now = useNow();
  const heading = usePageHeading();
  const navigate = useNavigate();
  const location = useLocation();
  const [params] = useSearchParams();
  const threadId = useMatch('/chat/:conversationId/thread/:messageId')?.params.messageId ?? null;
  const { conversation, error: conversationError } = useConversation(conversationId);
  const actions = useConversationActions();
  const room = useChatRoom(conversationId);
  const timeline = useTimeline(room);
  const [draft, setDraft] = useDraft(conversationId);
  const composerRef = useRef<HTMLTextAreaElement>(null);
  const listRef = useRef<HTMLOListElement>(null);
  const [restoreError, setRestoreError] = useState<string | null>(null);

  const { items } = timeline;
  const keys = useMemo(() => items.map((item) => item.key), [items]);
  const last = items[items.length - 1];
  // Just written here (still in the outbox): follow it. The person's words from another device are
  // new lines like any other while they read further up.
  const lastIsOwn = last?.kind === 'unsent';
  const focusId = params.get('m');
  const focusItem = focusId ? items.find((i) => i.kind === 'message' && i.message.id === focusId) : undefined;
  const { sentinelRef, loadOlderInPlace, away, unseen, jumpToLatest } = useChatScroll({
    keys,
    listRef,
    hasOlder: timeline.hasOlder,
    loadOlder: timeline.loadOlder,
    lastIsOwn,
    focusKey: focusItem?.key ?? null,
  });
  const answerable = useMemo(() => answerableReminderId(items), [items]);

  // Opened from the first words typed on /chat: send them once, and forget them in the history entry
  // (a reload or going back must not send them again).
  const firstWords = (location.state as { send?: unknown } | null)?.send;
  const sentFirst = useRef(false);
  useEffect(() => {
    if (typeof firstWords !== 'string' || sentFirst.current) return;
    sentFirst.current = true;
    room.send(firstWords);
    navigate(`${location.pathname}${location.search}`, { replace: true, state: { fresh: true } });
  }, [firstWords, room, navigate, location.pathname, location.search]);

  // Closing a thread puts focus back on the button that opened it.
  const openedThread = useRef<string | null>(threadId);
  useEffect(() => {
    const previous = openedThread.current;
    openedThread.current = threadId;
    if (previous && !threadId)
      listRef.current?.querySelector<HTMLElement>(`[data-thread-button="${CSS.escape(previous)}"]`)?.focus();
  }, [threadId]);

  const openThread = useCallback(
    (messageId: string) =>
      navigate(`/chat/${encodeURIComponent(conversationId)}/thread/${encodeURIComponent(messageId)}`),
    [navigate, conversationId],
  );
  const quickAnswer = useCallback((text: string) => void room.send(text), [room]);
  const edit = useCallback(
    (clientId: string) => {
      const body = room.discard(clientId);
      if (body !== undefined) setDraft(withTextBack(draft, body));
      composerRef.current?.focus();
    },
    [room, draft, setDraft],
  );
  const fillExample = (text: string) => {
    setDraft(text);
    composerRef.current?.focus();
  };
  const restore = async () => {
    setRestoreError(null);
    try {
      await actions.archive(conversationId, false);
    } catch (error) {
      setRestoreError(chatProblemOf(error).message);
    }
  };

  if (isGone(conversationError) || isGone(timeline.error)) {
    return (
      <section className="panel" aria-labelledby="chat-gone-title" data-testid="chat-gone">
        <h1 id="chat-gone-title" ref={heading} tabIndex={-1}>
          Conversation not found
        </h1>
        <p className="lead">{chatProblemOf(conversationError ?? timeline.error).message}</p>
        <p>
          <Link to="/chat">See your conversations</Link>
        </p>
      </section>
    );
  }

  const archived = !!conversation?.archivedAt;
  const threadContext: ThreadContext = { room, timeZone, now, archived };
  const fresh = (location.state as { fresh?: unknown } | null)?.fresh === true;
  return (
    <div className="chat-layout" data-thread-open={!!threadId}>
      <section className="chat" aria-labelledby="chat-title" data-testid="chat-page">
        <header className="chat-header">
          <p className="back-link">
            <Link to="/chat">
              <span aria-hidden="true">← </span>All conversations
            </Link>
          </p>
          <div className="chat-title-row">
            <h1 id="chat-title" ref={heading} tabIndex={-1} data-testid="chat-title">
              {conversation?.title ?? 'Conversation'}
            </h1>
            <Link className="button-link" to={`/chat/search?c=${encodeURIComponent(conversationId)}`}>
              Search<span className="visually-hidden"> this conversation</span>
            </Link>
          </div>
        </header>

        {archived && (
          <div className="banner" data-testid="chat-archived">
            <p>This conversation is archived. Restore it to write here again.</p>
            <div className="button-row">
              <button type="button" onClick={() => void restore()}>
                Restore
              </button>
            </div>
            {restoreError && (
              <p className="field-error" role="alert">
                {restoreError}
              </p>
            )}
          </div>
        )}

        {timeline.hasOlder && (
          <div className="older" ref={sentinelRef}>
            <button
              type="button"
              className="button-quiet"
              onClick={loadOlderInPlace}
              disabled={timeline.loadingOlder}
              data-testid="load-older"
            >
              {timeline.loadingOlder ? 'Loading earlier messages…' : 'Show earlier messages'}
            </button>
            {timeline.olderError && (
              <p className="field-error" role="alert">
                Earlier messages did not load. {chatProblemOf(timeline.olderError).message}
              </p>
            )}
          </div>
        )}
        {timeline.loading && (
          <p role="status" className="page-status">
            Loading messages…
          </p>
        )}
        {timeline.error && (
          <div className="notice" role="alert">
            <p>{chatProblemOf(timeline.error).message}</p>
          </div>
        )}
        {!timeline.loading && !timeline.error && items.length === 0 && <EmptyChat onExample={fillExample} />}

        <MessageList
          items={items}
          label="Messages"
          listRef={listRef}
          testId="message-list"
          timeZone={timeZone}
          now={now}
          onOpenThread={openThread}
          answerableId={archived ? null : answerable}
          onQuickAnswer={quickAnswer}
          onRetry={room.retry}
          onEdit={edit}
          highlightedId={focusId}
          newFromKey={unseen.fromKey}
        />

        <div className="chat-dock">
          {away && (
            <div className="jump-latest">
              <button type="button" onClick={jumpToLatest} data-testid="jump-to-latest">
                {unseen.count > 0
                  ? `${unseen.count} new ${unseen.count === 1 ? 'message' : 'messages'}, jump to latest`
                  : 'Jump to latest'}
                <span aria-hidden="true"> ↓</span>
              </button>
            </div>
          )}
          <Composer
            label="Message to the assistant"
            placeholder="Write a message…"
            value={draft}
            onValueChange={setDraft}
            onSend={(text) => room.send(text)}
            disabledNote={archived ? 'Archived: restore it to write here.' : null}
            autoFocus={fresh}
            textareaRef={composerRef}
            testId="composer"
          />
        </div>
        <ArrivalAnnouncer items={items} ready={!timeline.loading} />
      </section>
      <Outlet context={threadContext} />
    </div>
  );
}
