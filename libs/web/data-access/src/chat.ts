// Secondary entry point (@pa/web-data-access/chat) for the chat pages, which load lazily: their hooks,
// documents (src/gql/lazy) and the outbox are not reachable from the first chunk.
export {
  useConversation,
  useConversationActions,
  useConversations,
  type ConversationActions,
  type ConversationsView,
  type ConversationView,
} from './hooks/chat/useConversations';
export { isRetryable, useChatRoom, type ChatRoom, type SendRefusal } from './hooks/chat/useChatRoom';
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
export { tabStorage, type SmallStorage } from './lib/chat/webStorage';
