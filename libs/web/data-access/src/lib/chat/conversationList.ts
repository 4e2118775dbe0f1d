import type { ConversationFieldsFragment } from '../../gql/lazy/graphql';

/** A conversation as the list and the chat header show it. */
export type ConversationInfo = ConversationFieldsFragment;

/** Most recent activity first (the API's order), ties by id, so live changes re-sort the list. */
export function sortConversations(list: readonly ConversationInfo[]): ConversationInfo[] {
  return [...list].sort((a, b) => {
    const diff = Date.parse(b.lastActivityAt) - Date.parse(a.lastActivityAt);
    return diff !== 0 ? diff : b.id.localeCompare(a.id);
  });
}

/**
 * What a list of conversations (active or archived) does with one `conversationUpdated` event:
 * - `update`: a conversation it shows changed and stays in it — write the change, the list re-sorts;
 * - `refetch`: the list's membership changed (a new conversation, one archived or restored, one
 *   deleted) — ask the API;
 * - `ignore`: about a conversation this list does not show and still would not.
 *
 * The schema sends null for a deleted conversation. The API currently sends the deleted conversation
 * unchanged instead, so an event that changes nothing also triggers a refetch (it is rare otherwise:
 * a rename to the same title).
 */
export function conversationEventEffect(
  shown: readonly ConversationInfo[],
  incoming: ConversationInfo | null | undefined,
  archived: boolean,
): 'update' | 'refetch' | 'ignore' {
  if (!incoming) return 'refetch';
  const belongs = (incoming.archivedAt !== null) === archived;
  const known = shown.find((c) => c.id === incoming.id);
  if (!known) return belongs ? 'refetch' : 'ignore';
  if (!belongs) return 'refetch';
  const unchanged =
    known.title === incoming.title &&
    known.archivedAt === incoming.archivedAt &&
    known.lastActivityAt === incoming.lastActivityAt;
  return unchanged ? 'refetch' : 'update';
}
