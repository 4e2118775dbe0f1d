import { clockTime } from '@pa/web-ui';
import { Fragment, type CSSProperties } from 'react';
import { nowIndex, type TimelineEntry, type TimelineKind } from '../logic/timeline';

const KIND_WORDS: Record<TimelineKind, string> = {
  reminder: 'Reminder',
  appointment: 'Appointment',
  task: 'Task due',
};

interface DayTimelineProps {
  entries: readonly TimelineEntry[];
  now: number;
  timeZone?: string;
}

/** Today as a line of times: what is done sits above "now", the gaps show the free time between. */
export function DayTimeline({ entries, now, timeZone }: DayTimelineProps) {
  const at = nowIndex(entries);
  const nowLine = (
    <li className="timeline-now" data-testid="timeline-now">
      <span className="timeline-time">{clockTime(now, timeZone)}</span>
      <span className="timeline-now-label">Now</span>
    </li>
  );
  return (
    <section className="today-section" aria-labelledby="timeline-title">
      <h2 id="timeline-title">Your day</h2>
      {entries.length === 0 ? (
        <p className="hint" data-testid="timeline-empty">
          Nothing at a set time today. Reminders, appointments and due tasks show here.
        </p>
      ) : (
        <ol className="timeline" data-testid="timeline">
          {entries.map((entry, i) => (
            <Fragment key={entry.key}>
              {i === at && nowLine}
              <li
                className="timeline-entry"
                data-kind={entry.kind}
                data-past={entry.past || undefined}
                data-testid="timeline-entry"
                style={{ '--gap': `${entry.gap}rem` } as CSSProperties}
              >
                <time className="timeline-time" dateTime={new Date(entry.at).toISOString()}>
                  {clockTime(entry.at, timeZone)}
                </time>
                <span className="timeline-mark" aria-hidden="true" />
                <span className="timeline-what">
                  <span className="timeline-kind">{KIND_WORDS[entry.kind]}</span> {entry.title}
                </span>
              </li>
            </Fragment>
          ))}
          {at === entries.length && nowLine}
        </ol>
      )}
    </section>
  );
}
