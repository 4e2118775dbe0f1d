import type { ConversationService } from './conversation.service';
import type { MessageSearchService } from './message-search.service';

declare module '@pa/server-core' {
  interface Services {
    conversations: ConversationService;
    messageSearch: MessageSearchService;
  }
}

export { Conversation, ChannelEnum } from './conversation.entity';
export { Message, AuthorEnum } from './message.entity';
export {
  ConversationService,
  type SentMessage,
  type StoredMessage,
  type StoreMessageInput,
} from './conversation.service';
export { MessageSearchService } from './message-search.service';
export { ConversationResolver, MessageResolver } from './conversation.resolver';
export { conversationsRules } from './conversations.rules';
export { conversationsMigrations } from './migrations';
export { ConversationsErrorCode, conversationsError } from './conversations.errors';
export type { MessageAddedPayload, ConversationUpdatedPayload } from './conversations.topics';
export { historyCutoff } from './history-limit';
