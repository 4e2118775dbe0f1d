import { deviceStorage } from '@pa/web-data-access/chat';
import { useCallback, useState } from 'react';
import { draftKey, readDraft, writeDraft } from '../logic/drafts';

/**
 * What is typed in a composer, kept in this device's localStorage per conversation (and per thread): a
 * reload, a crash, closing the app or a trip to another page loses nothing. Signing out clears it.
 */
export function useDraft(
  conversationId: string,
  parentId: string | null = null,
): [string, (text: string) => void] {
  const key = draftKey(conversationId, parentId);
  const [state, setState] = useState(() => ({ key, text: readDraft(deviceStorage(), key) }));
  // Another conversation or thread: read its own draft.
  const current = state.key === key ? state : { key, text: readDraft(deviceStorage(), key) };
  if (current !== state) setState(current);
  const setText = useCallback(
    (text: string) => {
      writeDraft(deviceStorage(), key, text);
      setState({ key, text });
    },
    [key],
  );
  return [current.text, setText];
}
