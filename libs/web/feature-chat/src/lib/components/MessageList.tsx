import type { TimelineItem } from '@pa/web-data-access/chat';
import { Fragment, type Ref } from 'react';
import { MessageLine, type MessageLineProps } from './MessageLine';

interface MessageListProps extends Omit<MessageLineProps, 'item' | 'answerable' | 'highlighted'> {
  items: readonly TimelineItem[];
  label: string;
  listRef?: Ref<HTMLOListElement>;
  answerableId?: string | null;
  highlightedId?: string | null;
  /** The first line that arrived while the person read further up: "New messages" above it. */
  newFromKey?: string | null;
  testId: string;
}

/** The lines of a chat, oldest first. */
export function MessageList({
  items,
  label,
  listRef,
  answerableId = null,
  highlightedId = null,
  newFromKey = null,
  testId,
  ...line
}: MessageListProps) {
  return (
    <ol className="message-list" aria-label={label} ref={listRef} data-testid={testId}>
      {items.map((item) => (
        <Fragment key={item.key}>
          {item.key === newFromKey && (
            <li className="new-messages-marker" data-testid="new-messages-marker">
              <span>New messages</span>
            </li>
          )}
          <MessageLine
            item={item}
            answerable={item.kind === 'message' && item.message.id === answerableId}
            highlighted={item.kind === 'message' && item.message.id === highlightedId}
            {...line}
          />
        </Fragment>
      ))}
    </ol>
  );
}
