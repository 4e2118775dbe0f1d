import type { TimelineItem } from '@pa/web-data-access/chat';
import { useEffect, useRef, useState } from 'react';

/**
 * Reads out what the assistant says as it arrives (a polite live region, visually hidden). The list
 * itself is not live: older pages loading above would be read out too.
 */
export function ArrivalAnnouncer({ items, ready }: { items: readonly TimelineItem[]; ready: boolean }) {
  const [text, setText] = useState('');
  const seen = useRef<Set<string> | null>(null);
  useEffect(() => {
    if (!ready) return;
    const ids = items.flatMap((item) => (item.kind === 'message' ? [item.message.id] : []));
    // The first page is what was already there: nothing to announce.
    if (!seen.current) {
      seen.current = new Set(ids);
      return;
    }
    const known = seen.current;
    const arrived = items.filter(
      (item) => item.kind === 'message' && item.message.author !== 'USER' && !known.has(item.message.id),
    );
    for (const id of ids) known.add(id);
    const last = arrived[arrived.length - 1];
    if (last?.kind === 'message') setText(`The assistant says: ${last.message.body}`);
  }, [items, ready]);
  return (
    <p className="visually-hidden" role="status" data-testid="chat-announcer">
      {text}
    </p>
  );
}
