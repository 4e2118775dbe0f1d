import { allow } from 'graphql-shield';
import type { RuleMap } from '@pa/server-core';
import { hasPermission, isOwner } from '@pa/server-rbac';

const read = hasPermission('conversation:read:own');
const write = hasPermission('conversation:write:own');

export const conversationsRules: RuleMap = {
  Query: { conversations: read, conversation: read, message: read, searchMessages: read },
  Mutation: {
    createConversation: write,
    renameConversation: write,
    archiveConversation: write,
    deleteConversation: write,
    sendMessage: write,
  },
  // Set-up and every event: the permission, then each payload's owner (the Message rule).
  Subscription: { messageAdded: read, conversationUpdated: read },
  Conversation: isOwner('conversation'),
  Message: isOwner('message'),
  // A hit carries its message's owner: the snippet is message text too.
  MessageSearchHit: isOwner('message'),
  SnippetPart: allow,
  ConversationEdge: allow,
  ConversationConnection: allow,
  MessageEdge: allow,
  MessageConnection: allow,
  MessageSearchEdge: allow,
  MessageSearchConnection: allow,
};
