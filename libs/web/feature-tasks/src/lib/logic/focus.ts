// The focus timer's state: kept on this device (a reload keeps it running), read against the clock.

export interface FocusRun {
  /** When it ends (ms since the epoch). */
  endsAt: number;
  minutes: number;
  /** The reminder that rings at its end through the usual alert path (null when made offline). */
  reminderId: string | null;
}

const KEY = 'pa.focus';

/** The running (or just ended) focus time on this device, if any. */
export function loadFocus(storage: Pick<Storage, 'getItem'> | undefined): FocusRun | null {
  try {
    const raw = storage?.getItem(KEY);
    if (!raw) return null;
    const run = JSON.parse(raw) as Partial<FocusRun>;
    if (typeof run.endsAt !== 'number' || typeof run.minutes !== 'number') return null;
    return { endsAt: run.endsAt, minutes: run.minutes, reminderId: run.reminderId ?? null };
  } catch {
    return null;
  }
}

/** Keeps (or forgets, with null) the focus time. */
export function saveFocus(
  storage: Pick<Storage, 'setItem' | 'removeItem'> | undefined,
  run: FocusRun | null,
) {
  if (run) storage?.setItem(KEY, JSON.stringify(run));
  else storage?.removeItem(KEY);
}

/** What is left: the fraction of the time (1 → 0, for the shape) and words ("12 min left"). */
export function focusLeft(run: FocusRun, now: number): { fraction: number; words: string; over: boolean } {
  const left = Math.max(0, run.endsAt - now);
  const fraction = Math.min(1, left / (run.minutes * 60_000));
  if (left === 0) return { fraction: 0, words: 'Time is up', over: true };
  const minutes = Math.ceil(left / 60_000);
  const words = left < 60_000 ? 'less than a minute left' : `${minutes} min left`;
  return { fraction, words, over: false };
}
