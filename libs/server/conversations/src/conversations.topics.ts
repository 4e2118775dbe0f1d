import type { AuthorEnum } from './message.entity';
import type { ChannelEnum } from './conversation.entity';

/** A stored message, as it crosses Redis to every API instance (dates as ISO strings). */
export interface MessageAddedPayload {
  id: string;
  conversationId: string;
  userId: string;
  author: AuthorEnum;
  body: string;
  parentId: string | null;
  clientId: string | null;
  createdAt: string;
  /** The creation time to the microsecond (the resume cursor's time). */
  cursorAt?: string;
}

/** A conversation after a change (new activity, rename, archive) or its deletion. */
export interface ConversationUpdatedPayload {
  id: string;
  userId: string;
  title: string;
  channel: ChannelEnum;
  archivedAt: string | null;
  lastActivityAt: string;
  createdAt: string;
  deleted: boolean;
}

declare module '@pa/server-core' {
  interface Topics {
    messageAdded: MessageAddedPayload;
    conversationUpdated: ConversationUpdatedPayload;
  }
}
