import { CHAT_STORAGE_PREFIX, type SmallStorage } from '@pa/web-data-access/chat';

// Under the chat's prefix: signing out removes every key under it.
const PREFIX = `${CHAT_STORAGE_PREFIX}draft.`;

/** Where the draft of a conversation (or of one of its threads) is kept. */
export const draftKey = (conversationId: string, parentId: string | null = null) =>
  `${PREFIX}${conversationId}${parentId ? `.${parentId}` : ''}`;

/** The saved draft, or '' (storage blocked or empty). */
export function readDraft(storage: SmallStorage | null, key: string): string {
  try {
    return storage?.getItem(key) ?? '';
  } catch {
    return '';
  }
}

/** Saves a draft; an empty one is removed, so storage only holds what is still to send. */
export function writeDraft(storage: SmallStorage | null, key: string, text: string): void {
  try {
    if (text === '') storage?.removeItem(key);
    else storage?.setItem(key, text);
  } catch {
    // Storage full or blocked: the draft stays in the page, which is all we can do.
  }
}

/** Puts text back into a composer that may already hold some (an unsent message to edit). */
export const withTextBack = (draft: string, text: string) =>
  draft.trim() === '' ? text : `${draft}\n${text}`;
