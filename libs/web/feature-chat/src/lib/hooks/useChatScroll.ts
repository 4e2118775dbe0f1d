import { useCallback, useEffect, useLayoutEffect, useRef, useState, type RefObject } from 'react';

// "At the end" with some slack: a few pixels off should still follow new messages.
const END_SLACK_PX = 160;
// Start loading older messages a little before the top is reached.
const PRELOAD_MARGIN = '400px 0px 0px 0px';

const nearEnd = () =>
  window.innerHeight + window.scrollY >= document.documentElement.scrollHeight - END_SLACK_PX;
const toEnd = () => window.scrollTo({ top: document.documentElement.scrollHeight });

/** What arrived while the person was reading further up: where it starts, and how many lines. */
export interface Unseen {
  /** The first line that arrived unseen: the "New messages" marker sits above it. */
  fromKey: string | null;
  count: number;
}

interface ChatScrollOptions {
  /** The keys of the lines shown, in order (`data-key` of each line inside `listRef`). */
  keys: readonly string[];
  listRef: RefObject<HTMLElement | null>;
  hasOlder: boolean;
  loadOlder(): void;
  /** The last line is the person's own (just sent): follow it even when reading further up. */
  lastIsOwn: boolean;
  /** A line to open the conversation at (a search result) instead of the end. */
  focusKey?: string | null;
}

/**
 * Scrolling of a chat in the page: it opens at the end (or at a found message), follows new messages
 * while the person is at the end, loads older ones when they scroll near the top — keeping what they
 * were reading in place — and never jumps while the list is hidden (a thread open on a phone).
 */
export function useChatScroll({
  keys,
  listRef,
  hasOlder,
  loadOlder,
  lastIsOwn,
  focusKey,
}: ChatScrollOptions) {
  const sentinelRef = useRef<HTMLDivElement>(null);
  const [ready, setReady] = useState(false);
  const atEnd = useRef(true);
  // Shown: a "Jump to latest" button when away from the end, with what arrived meanwhile.
  const [away, setAway] = useState(false);
  const [unseen, setUnseen] = useState<Unseen>({ fromKey: null, count: 0 });
  const lastKeys = useRef<readonly string[]>([]);
  const anchor = useRef<{ key: string; top: number } | null>(null);
  const lastSeen = useRef<string | undefined>(undefined);
  const firstKey = keys[0];
  const lastKey = keys[keys.length - 1];

  const lineOf = useCallback(
    (key: string) => listRef.current?.querySelector<HTMLElement>(`[data-key="${CSS.escape(key)}"]`) ?? null,
    [listRef],
  );
  const visible = useCallback(() => (listRef.current?.getClientRects().length ?? 0) > 0, [listRef]);

  useEffect(() => {
    const onScroll = () => {
      atEnd.current = nearEnd();
      setAway(!atEnd.current);
      // Back at the end: what arrived is seen (the marker stays where it was).
      if (atEnd.current) setUnseen((u) => (u.count === 0 ? u : { ...u, count: 0 }));
    };
    window.addEventListener('scroll', onScroll, { passive: true });
    return () => window.removeEventListener('scroll', onScroll);
  }, []);

  useLayoutEffect(() => {
    if (!lastKey || !visible()) return;
    if (!ready) {
      const target = focusKey ? lineOf(focusKey) : null;
      if (target) target.scrollIntoView({ block: 'center' });
      else toEnd();
      atEnd.current = !target;
      lastSeen.current = lastKey;
      lastKeys.current = keys;
      setReady(true);
      return;
    }
    // Older messages came in above: keep the line that was first exactly where it was on screen.
    const held = anchor.current;
    if (held && held.key !== firstKey) {
      const line = lineOf(held.key);
      if (line) window.scrollBy(0, line.getBoundingClientRect().top - held.top);
      anchor.current = null;
    } else if (!held && atEnd.current) {
      // The first lines shown were only part of the latest page (kept or live ones, before the
      // conversation's page arrived): the rest came in above. Stay at the newest message.
      toEnd();
    }
    if (lastKey !== lastSeen.current) {
      const before = lastKeys.current;
      lastSeen.current = lastKey;
      if (atEnd.current || lastIsOwn) {
        toEnd();
        atEnd.current = true;
        setAway(false);
      } else {
        // Reading further up: new lines wait below, counted, under a marker.
        const seen = new Set(before);
        const arrived = keys.filter((k) => !seen.has(k));
        setUnseen((u) => ({ fromKey: u.fromKey ?? arrived[0] ?? null, count: u.count + arrived.length }));
      }
    }
    lastKeys.current = keys;
  }, [firstKey, lastKey, ready, focusKey, lastIsOwn, lineOf, visible, keys]);

  // At the end, the page stays at the end when something above it changes height after it opened (the
  // email banner, a late heading, a reply's text wrapping): no scroll event says so, and the newest
  // message would slide out of view below.
  useEffect(() => {
    if (!ready || typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(() => {
      if (atEnd.current && !anchor.current && visible() && !nearEnd()) toEnd();
    });
    observer.observe(document.body);
    return () => observer.disconnect();
  }, [ready, visible]);

  const jumpToLatest = useCallback(() => {
    toEnd();
    atEnd.current = true;
    setAway(false);
    setUnseen((u) => ({ ...u, count: 0 }));
  }, []);

  const loadOlderInPlace = useCallback(() => {
    const line = firstKey ? lineOf(firstKey) : null;
    anchor.current = line && firstKey ? { key: firstKey, top: line.getBoundingClientRect().top } : null;
    loadOlder();
  }, [firstKey, lineOf, loadOlder]);

  // A new observer after each page reports at once whether the top is still in view (a short page).
  useEffect(() => {
    const sentinel = sentinelRef.current;
    if (!ready || !hasOlder || !sentinel || typeof IntersectionObserver === 'undefined') return;
    const observer = new IntersectionObserver(
      (entries) => {
        if (entries.some((entry) => entry.isIntersecting) && visible()) loadOlderInPlace();
      },
      { rootMargin: PRELOAD_MARGIN },
    );
    observer.observe(sentinel);
    return () => observer.disconnect();
  }, [ready, hasOlder, firstKey, loadOlderInPlace, visible]);

  return { sentinelRef, loadOlderInPlace, away, unseen, jumpToLatest };
}
