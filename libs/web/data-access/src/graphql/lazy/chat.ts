import { graphql } from '../../gql/lazy';

/** A message as the chat view shows it (the conversation's timeline and threads). */
export const chatMessageFieldsFragment = graphql(`
  fragment ChatMessageFields on Message {
    id
    conversationId
    author
    body
    parentId
    clientId
    createdAt
    replyCount
  }
`);

/** A conversation as the list and the chat header show it. */
export const conversationFieldsFragment = graphql(`
  fragment ConversationFields on Conversation {
    id
    title
    channel
    archivedAt
    lastActivityAt
    createdAt
    lastMessage {
      id
      author
      body
      createdAt
    }
  }
`);

export const conversationsQuery = graphql(`
  query Conversations($archived: Boolean!, $first: Int, $after: String) {
    conversations(archived: $archived, first: $first, after: $after) {
      edges {
        cursor
        node {
          ...ConversationFields
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);

export const conversationQuery = graphql(`
  query Conversation($id: ID!) {
    conversation(id: $id) {
      ...ConversationFields
    }
  }
`);

export const conversationMessagesQuery = graphql(`
  query ConversationMessages($id: ID!, $last: Int!, $before: String) {
    conversation(id: $id) {
      id
      messages(last: $last, before: $before) {
        edges {
          cursor
          node {
            ...ChatMessageFields
          }
        }
        pageInfo {
          hasPreviousPage
          startCursor
        }
      }
    }
  }
`);

export const messageThreadQuery = graphql(`
  query MessageThread($id: ID!, $first: Int!, $after: String) {
    message(id: $id) {
      ...ChatMessageFields
      replies(first: $first, after: $after) {
        edges {
          cursor
          node {
            ...ChatMessageFields
          }
        }
        pageInfo {
          hasNextPage
          endCursor
        }
      }
    }
  }
`);

export const searchMessagesQuery = graphql(`
  query SearchMessages($query: String!, $filter: MessageSearchFilter, $first: Int, $after: String) {
    searchMessages(query: $query, filter: $filter, first: $first, after: $after) {
      edges {
        cursor
        node {
          rank
          message {
            ...ChatMessageFields
          }
          snippet {
            text
            highlighted
          }
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);

export const createConversationMutation = graphql(`
  mutation CreateConversation($title: String) {
    createConversation(title: $title) {
      ...ConversationFields
    }
  }
`);

export const renameConversationMutation = graphql(`
  mutation RenameConversation($id: ID!, $title: String!) {
    renameConversation(id: $id, title: $title) {
      ...ConversationFields
    }
  }
`);

export const archiveConversationMutation = graphql(`
  mutation ArchiveConversation($id: ID!, $archived: Boolean!) {
    archiveConversation(id: $id, archived: $archived) {
      ...ConversationFields
    }
  }
`);

export const deleteConversationMutation = graphql(`
  mutation DeleteConversation($id: ID!) {
    deleteConversation(id: $id)
  }
`);

export const sendMessageMutation = graphql(`
  mutation SendMessage($input: SendMessageInput!) {
    sendMessage(input: $input) {
      ...ChatMessageFields
    }
  }
`);

export const messageAddedSubscription = graphql(`
  subscription MessageAdded($conversationId: ID!) {
    messageAdded(conversationId: $conversationId) {
      ...ChatMessageFields
    }
  }
`);

export const conversationUpdatedSubscription = graphql(`
  subscription ConversationUpdated {
    conversationUpdated {
      ...ConversationFields
    }
  }
`);

/** How many replies a thread has now (after a live reply arrived). */
export const messageReplyCountQuery = graphql(`
  query MessageReplyCount($id: ID!) {
    message(id: $id) {
      id
      replyCount
    }
  }
`);
