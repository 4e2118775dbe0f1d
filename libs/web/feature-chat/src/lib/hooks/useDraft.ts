import { tabStorage } from '@pa/web-data-access/chat';
import { useCallback, useState } from 'react';
import { draftKey, readDraft, writeDraft } from '../logic/drafts';

/**
 * What is typed in a composer, kept in this tab's sessionStorage per conversation (and per thread): a
 * reload, a crash or a trip to another page loses nothing.
 */
export function useDraft(
  conversationId: string,
  parentId: string | null = null,
): [string, (text: string) => void] {
  const key = draftKey(conversationId, parentId);
  const [state, setState] = useState(() => ({ key, text: readDraft(tabStorage(), key) }));
  // Another conversation or thread: read its own draft.
  const current = state.key === key ? state : { key, text: readDraft(tabStorage(), key) };
  if (current !== state) setState(current);
  const setText = useCallback(
    (text: string) => {
      writeDraft(tabStorage(), key, text);
      setState({ key, text });
    },
    [key],
  );
  return [current.text, setText];
}
