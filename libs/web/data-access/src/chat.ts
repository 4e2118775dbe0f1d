// Secondary entry point (@pa/web-data-access/chat) for the chat pages, which load lazily: their hooks,
// documents (src/gql/lazy) and the outbox hooks are not reachable from the first chunk.
export {
  useConversation,
  useConversationActions,
  useConversations,
  type ConversationActions,
  type ConversationsView,
  type ConversationView,
} from './hooks/chat/useConversations';
export {
  isRetryable,
  messageEntries,
  useChatRoom,
  type ChatRoom,
  type SendRefusal,
} from './hooks/chat/useChatRoom';
export { useOutbox, useOutboxItems } from './hooks/offline/useOutbox';
export type { Outbox } from './lib/offline/outbox';
export type { OutboxAction, OutboxFailure, OutboxItem } from './lib/offline/outboxTypes';
export { useThread, useTimeline, type ThreadView, type TimelineView } from './hooks/chat/useTimeline';
export {
  useMessageSearch,
  type MessageSearchView,
  type SearchHit,
  type SnippetPart,
} from './hooks/chat/useMessageSearch';
export type { ConversationInfo } from './lib/chat/conversationList';
export {
  answerableReminderId,
  isReminderMessage,
  type ChatMessage,
  type OutboxEntry,
  type SendFailure,
  type TimelineItem,
} from './lib/chat/timeline';
export { deviceStorage, tabStorage, CHAT_STORAGE_PREFIX, type SmallStorage } from './lib/chat/webStorage';
