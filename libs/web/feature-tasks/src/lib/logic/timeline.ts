// Today as a line: reminders, appointments and task deadlines of the person's day, with "now" among
// them and gaps that grow with the time between, so an empty afternoon looks empty.

export type TimelineKind = 'reminder' | 'appointment' | 'task';

export interface TimelineEntry {
  key: string;
  kind: TimelineKind;
  title: string;
  at: number;
  past: boolean;
  /** Space before this entry, in rem: more time between, more space (bounded). */
  gap: number;
}

interface Sources {
  reminders?: readonly { id: string; text: string; dueAt: string }[];
  appointments?: readonly { id: string; title: string; startsAt: string }[];
  tasks?: readonly { id: string; title: string; dueAt?: string | null }[];
}

const dayKey = (at: number, timeZone?: string) =>
  new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(
    new Date(at),
  );

/** Rem of space for a stretch of time: a quarter rem per 15 minutes, between 0.25 and 3. */
export const gapFor = (ms: number) => Math.min(3, Math.max(0.25, Math.round(ms / 900_000) / 4));

/** Today's entries (in the person's zone) in time order, with a "now" entry among them. */
export function timelineOf(sources: Sources, now: number, timeZone?: string): TimelineEntry[] {
  const today = dayKey(now, timeZone);
  const raw: Omit<TimelineEntry, 'past' | 'gap'>[] = [
    ...(sources.reminders ?? []).map((r) => ({
      key: `r-${r.id}`,
      kind: 'reminder' as const,
      title: r.text,
      at: Date.parse(r.dueAt),
    })),
    ...(sources.appointments ?? []).map((a) => ({
      key: `a-${a.id}`,
      kind: 'appointment' as const,
      title: a.title,
      at: Date.parse(a.startsAt),
    })),
    ...(sources.tasks ?? []).flatMap((t) =>
      t.dueAt ? [{ key: `t-${t.id}`, kind: 'task' as const, title: t.title, at: Date.parse(t.dueAt) }] : [],
    ),
  ].filter((e) => dayKey(e.at, timeZone) === today);
  const sorted = raw.sort((a, b) => a.at - b.at);
  let previous: number | null = null;
  return sorted.map((entry) => {
    const gap = previous === null ? 0 : gapFor(entry.at - previous);
    previous = entry.at;
    return { ...entry, past: entry.at < now, gap };
  });
}

/** Where "now" goes: the index of the first entry still to come (the length when all are past). */
export const nowIndex = (entries: readonly TimelineEntry[]) => {
  const i = entries.findIndex((e) => !e.past);
  return i === -1 ? entries.length : i;
};
