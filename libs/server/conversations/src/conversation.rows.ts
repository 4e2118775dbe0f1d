import { CONVERSATION_TITLE_MAX } from '@pa/shared-domain';
import { ChannelEnum, Conversation } from './conversation.entity';
import { AuthorEnum, Message } from './message.entity';
import { ConversationsErrorCode, conversationsError } from './conversations.errors';

// Rows as PostgreSQL returns them, and the entities the API hands out.

export const CONVERSATION_COLUMNS = `id, user_id, title, channel, archived_at, last_activity_at, created_at, updated_at`;
export const MESSAGE_COLUMNS = `id, conversation_id, user_id, author, body, parent_id, client_id, created_at`;

export interface ConversationRow {
  id: string;
  user_id: string;
  title: string;
  channel: ChannelEnum;
  archived_at: Date | null;
  last_activity_at: Date;
  created_at: Date;
  updated_at: Date;
  cursor_at?: string;
}

export interface MessageRow {
  id: string;
  conversation_id: string;
  user_id: string;
  author: AuthorEnum;
  body: string;
  parent_id: string | null;
  client_id: string | null;
  created_at: Date;
  cursor_at?: string;
}

export function toConversation(r: ConversationRow): Conversation {
  return Object.assign(new Conversation(), {
    id: r.id,
    userId: r.user_id,
    title: r.title,
    channel: r.channel,
    archivedAt: r.archived_at,
    lastActivityAt: r.last_activity_at,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  });
}

export function toMessage(r: MessageRow): Message {
  return Object.assign(new Message(), {
    id: r.id,
    conversationId: r.conversation_id,
    userId: r.user_id,
    author: r.author,
    body: r.body,
    parentId: r.parent_id,
    clientId: r.client_id,
    createdAt: r.created_at,
    ...(r.cursor_at ? { cursorAt: r.cursor_at } : {}),
  });
}

/** A conversation title as stored: trimmed, one line, 1–CONVERSATION_TITLE_MAX characters. */
export function parseTitle(raw: string): string {
  const title = raw.trim().replace(/\s+/g, ' ');
  if (title.length === 0 || [...title].length > CONVERSATION_TITLE_MAX || /\p{Cc}/u.test(title))
    throw conversationsError(ConversationsErrorCode.INVALID_TITLE);
  return title;
}
