import type { ConversationInfo } from '@pa/web-data-access/chat';
import { useId, useState } from 'react';
import { Link } from 'react-router';
import { previewOf } from '../logic/preview';
import { fullDateTime, messageTimeLabel } from '../logic/times';

interface ConversationRowProps {
  conversation: ConversationInfo;
  now: number;
  onRename(conversation: ConversationInfo): void;
  onArchive(conversation: ConversationInfo): void;
  onDelete(conversation: ConversationInfo): void;
  busy: boolean;
  timeZone?: string;
}

/**
 * One conversation in the list: a big link to open it, and its less frequent actions behind an
 * "Options" button, so the list stays calm.
 */
export function ConversationRow({
  conversation,
  now,
  onRename,
  onArchive,
  onDelete,
  busy,
  timeZone,
}: ConversationRowProps) {
  const [open, setOpen] = useState(false);
  const optionsId = useId();
  const archived = conversation.archivedAt !== null;
  const preview = previewOf(conversation.lastMessage ?? null);
  return (
    <li className="conversation-row" data-testid="conversation-row" data-conversation-id={conversation.id}>
      <div className="conversation-main">
        <Link className="conversation-link" to={`/chat/${encodeURIComponent(conversation.id)}`}>
          <span className="conversation-top">
            <span className="conversation-title">{conversation.title}</span>
            <time
              className="conversation-time"
              dateTime={conversation.lastActivityAt}
              title={fullDateTime(conversation.lastActivityAt, timeZone)}
            >
              {messageTimeLabel(conversation.lastActivityAt, now, timeZone)}
            </time>
          </span>
          <span className="conversation-preview" data-testid="conversation-preview">
            {/* "Text messages" is already the title of the SMS conversation: the tag only when renamed. */}
            {conversation.channel === 'SMS' && conversation.title !== 'Text messages' && (
              <span className="tag">Text messages</span>
            )}
            {preview}
          </span>
        </Link>
        <button
          type="button"
          className="button-quiet conversation-options-toggle"
          aria-expanded={open}
          aria-controls={optionsId}
          onClick={() => setOpen(!open)}
        >
          Options<span className="visually-hidden"> for {conversation.title}</span>
        </button>
      </div>
      <div className="conversation-options" id={optionsId} hidden={!open}>
        <button type="button" onClick={() => onRename(conversation)} disabled={busy}>
          Rename
        </button>
        <button type="button" onClick={() => onArchive(conversation)} disabled={busy}>
          {archived ? 'Restore' : 'Archive'}
        </button>
        <button
          type="button"
          className="button-danger"
          onClick={() => onDelete(conversation)}
          disabled={busy}
        >
          Delete
        </button>
      </div>
    </li>
  );
}
