import type { TimelineItem } from '@pa/web-data-access/chat';
import type { Ref } from 'react';
import { MessageLine, type MessageLineProps } from './MessageLine';

interface MessageListProps extends Omit<MessageLineProps, 'item' | 'answerable' | 'highlighted'> {
  items: readonly TimelineItem[];
  label: string;
  listRef?: Ref<HTMLOListElement>;
  answerableId?: string | null;
  highlightedId?: string | null;
  testId: string;
}

/** The lines of a chat, oldest first. */
export function MessageList({
  items,
  label,
  listRef,
  answerableId = null,
  highlightedId = null,
  testId,
  ...line
}: MessageListProps) {
  return (
    <ol className="message-list" aria-label={label} ref={listRef} data-testid={testId}>
      {items.map((item) => (
        <MessageLine
          key={item.key}
          item={item}
          answerable={item.kind === 'message' && item.message.id === answerableId}
          highlighted={item.kind === 'message' && item.message.id === highlightedId}
          {...line}
        />
      ))}
    </ol>
  );
}
