/** The search in the address: the words, and the conversation it is narrowed to (if any). */
export interface SearchParams {
  query: string;
  conversationId: string | null;
}

/** Reads `?q=words&c=conversation`. */
export function searchFrom(params: URLSearchParams): SearchParams {
  return { query: params.get('q')?.trim() ?? '', conversationId: params.get('c') || null };
}

/** The address of a search (empty parts left out). */
export function searchParamsFor(search: SearchParams): URLSearchParams {
  const params = new URLSearchParams();
  if (search.query.trim()) params.set('q', search.query.trim());
  if (search.conversationId) params.set('c', search.conversationId);
  return params;
}

/** Where a found message is: its conversation, opened at it, or its thread for a reply. */
export function hitLink(message: { id: string; conversationId: string; parentId: string | null }): string {
  const base = `/chat/${encodeURIComponent(message.conversationId)}`;
  return message.parentId
    ? `${base}/thread/${encodeURIComponent(message.parentId)}?m=${encodeURIComponent(message.id)}`
    : `${base}?m=${encodeURIComponent(message.id)}`;
}
