import { useAuth } from '@pa/web-data-access';
import { CONVERSATION_TITLE_MAX, normaliseMessageBody } from '@pa/shared-domain/conversations';
import {
  useConversationActions,
  useConversations,
  type ConversationInfo,
  type SendRefusal,
} from '@pa/web-data-access/chat';
import {
  ActionNotice,
  ConfirmDialog,
  TextField,
  useNow,
  usePageHeading,
  type FriendlyError,
} from '@pa/web-ui';
import { useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { Composer } from '../components/Composer';
import { ConversationRow } from '../components/ConversationRow';
import { useDraft } from '../hooks/useDraft';
import { chatProblemOf } from '../logic/chatErrors';

type Dialog =
  | { kind: 'rename'; conversation: ConversationInfo; title: string }
  | { kind: 'delete'; conversation: ConversationInfo };

/** Notice after archiving or restoring, with a way back. */
interface Done {
  text: string;
  undo?: { id: string; archived: boolean };
}

/** The person's conversations: start one, open one; rename, archive or delete behind "Options". */
export function ConversationsPage() {
  const heading = usePageHeading();
  const navigate = useNavigate();
  const now = useNow();
  const [params] = useSearchParams();
  const archived = params.get('archived') === '1';
  const list = useConversations(archived);
  const actions = useConversationActions();
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<FriendlyError | null>(null);
  const [done, setDone] = useState<Done | null>(null);
  const { user } = useAuth();
  // Typing here starts a conversation: no "New conversation" first.
  const [startDraft, setStartDraft] = useDraft('new');

  const run = async (work: () => Promise<void>) => {
    setBusy(true);
    setProblem(null);
    try {
      await work();
    } catch (error) {
      setProblem(chatProblemOf(error));
    } finally {
      setBusy(false);
    }
  };

  const start = () =>
    run(async () => {
      const conversation = await actions.create();
      navigate(`/chat/${encodeURIComponent(conversation.id)}`, { state: { fresh: true } });
    });
  const startWith = (text: string): { queued: true } | { queued: false; reason: SendRefusal } => {
    if (text.trim() === '') return { queued: false, reason: 'empty' };
    const body = normaliseMessageBody(text);
    if (body === null) return { queued: false, reason: 'too-long' };
    void run(async () => {
      try {
        const conversation = await actions.create();
        // The conversation sends it (through its outbox) as it opens: this page never waits for the outbox.
        navigate(`/chat/${encodeURIComponent(conversation.id)}`, { state: { fresh: true, send: body } });
      } catch (error) {
        // Nothing was sent: the words go back in the box.
        setStartDraft(body);
        throw error;
      }
    });
    return { queued: true };
  };
  const setArchived = (conversation: ConversationInfo, to: boolean) =>
    run(async () => {
      await actions.archive(conversation.id, to);
      setDone({
        text: to
          ? `“${conversation.title}” is archived.`
          : `“${conversation.title}” is back in your conversations.`,
        undo: { id: conversation.id, archived: !to },
      });
    });
  const undo = (target: { id: string; archived: boolean }) =>
    run(async () => {
      await actions.archive(target.id, target.archived);
      setDone({ text: 'Undone.' });
    });
  const confirmDialog = () => {
    if (!dialog) return;
    void run(async () => {
      if (dialog.kind === 'rename') {
        await actions.rename(dialog.conversation.id, dialog.title);
        setDone({ text: `Renamed to “${dialog.title.trim()}”.` });
      } else {
        await actions.remove(dialog.conversation.id);
        setDone({ text: `“${dialog.conversation.title}” is deleted.` });
      }
      setDialog(null);
    });
  };

  const conversations = list.conversations;
  return (
    <section className="panel" aria-labelledby="conversations-title" data-testid="conversations-page">
      <div className="page-title-row">
        <h1 id="conversations-title" ref={heading} tabIndex={-1}>
          Conversations
        </h1>
        <Link className="button-link" to="/chat/search">
          Search messages
        </Link>
      </div>
      <p className="lead">Tell the assistant what is on your mind: things to do, reminders, or “help”.</p>
      {!archived && (
        <div className="chat-start">
          {/* Its own name: the open conversation's box is "Message to the assistant", and the two are
              on screen together for a moment while the new conversation opens. */}
          <Composer
            label="Start a conversation"
            placeholder="What’s on your mind? (starts a new conversation)"
            value={startDraft}
            onValueChange={setStartDraft}
            onSend={startWith}
            disabledNote={busy ? 'Starting the conversation…' : null}
            testId="start-composer"
          />
        </div>
      )}
      <div className="button-row">
        <button type="button" className="button-quiet" onClick={() => void start()} disabled={busy}>
          New conversation
        </button>
      </div>

      <nav className="section-nav conversations-tabs" aria-label="Conversations">
        <ul>
          <li>
            <Link
              to="/chat"
              className={`section-nav-link${archived ? '' : ' active'}`}
              aria-current={archived ? undefined : 'page'}
            >
              Active
            </Link>
          </li>
          <li>
            <Link
              to="/chat?archived=1"
              className={`section-nav-link${archived ? ' active' : ''}`}
              aria-current={archived ? 'page' : undefined}
            >
              Archived
            </Link>
          </li>
        </ul>
      </nav>

      <ActionNotice
        message={done?.text ?? null}
        actionLabel="Undo"
        onAction={done?.undo ? () => done.undo && void undo(done.undo) : undefined}
        busy={busy}
        testId="conversations-notice"
      />
      {problem && !dialog && (
        <div className="form-alert" role="alert" data-testid="conversations-error">
          <p>{problem.message}</p>
        </div>
      )}

      {list.loading && (
        <p role="status" className="page-status">
          Loading conversations…
        </p>
      )}
      {list.error && !conversations && (
        <div className="notice" role="alert">
          <p>{chatProblemOf(list.error).message}</p>
          <button type="button" onClick={list.refetch}>
            Try again
          </button>
        </div>
      )}
      {conversations && conversations.length === 0 && (
        <p data-testid="conversations-empty">
          {archived
            ? 'Nothing archived.'
            : 'No conversations yet. Start one: the assistant is ready when you are.'}
        </p>
      )}
      {conversations && conversations.length > 0 && (
        <ul className="conversation-list" data-testid="conversation-list">
          {conversations.map((conversation) => (
            <ConversationRow
              key={conversation.id}
              conversation={conversation}
              now={now}
              timeZone={user?.timeZone}
              busy={busy}
              onRename={(c) => setDialog({ kind: 'rename', conversation: c, title: c.title })}
              onArchive={(c) => void setArchived(c, !archived)}
              onDelete={(c) => setDialog({ kind: 'delete', conversation: c })}
            />
          ))}
        </ul>
      )}
      {list.hasMore && (
        <button type="button" className="button-quiet" onClick={list.loadMore} disabled={list.loadingMore}>
          {list.loadingMore ? 'Loading…' : 'Show more conversations'}
        </button>
      )}

      {dialog?.kind === 'rename' && (
        <ConfirmDialog
          title="Rename the conversation"
          description="A short name helps you find it again."
          confirmLabel="Rename"
          busyLabel="Renaming…"
          busy={busy}
          canConfirm={dialog.title.trim() !== ''}
          error={problem}
          onConfirm={confirmDialog}
          onCancel={() => {
            setDialog(null);
            setProblem(null);
          }}
          testId="rename-dialog"
        >
          <TextField
            id="rename-title"
            label="Title"
            value={dialog.title}
            onValueChange={(title) => setDialog({ ...dialog, title })}
            maxLength={CONVERSATION_TITLE_MAX}
            autoComplete="off"
          />
        </ConfirmDialog>
      )}
      {dialog?.kind === 'delete' && (
        <ConfirmDialog
          title={`Delete “${dialog.conversation.title}”?`}
          description="All its messages are deleted too. This cannot be undone. (Archiving keeps it out of the way instead.)"
          confirmLabel="Delete"
          busyLabel="Deleting…"
          busy={busy}
          error={problem}
          onConfirm={confirmDialog}
          onCancel={() => {
            setDialog(null);
            setProblem(null);
          }}
          testId="delete-dialog"
        />
      )}
    </section>
  );
}
