import { clockLabel } from '@pa/shared-domain';

// Every time of day the web shows goes through here: the same format as the assistant's replies
// ("18:29", or "6:29pm" in the Americas), in the person's own time zone.

const parts = new Map<string, Intl.DateTimeFormat>();
const formatterFor = (timeZone: string | undefined) => {
  const key = timeZone ?? '';
  let format = parts.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat('en-GB', {
      timeZone,
      hour: 'numeric',
      minute: 'numeric',
      hourCycle: 'h23',
    });
    parts.set(key, format);
  }
  return format;
};

/** The local hour and minute of an instant in a zone. */
export function localClock(at: string | number | Date, timeZone?: string): { hour: number; minute: number } {
  const date = at instanceof Date ? at : new Date(at);
  let hour = 0;
  let minute = 0;
  for (const part of formatterFor(timeZone).formatToParts(date)) {
    if (part.type === 'hour') hour = Number(part.value) % 24;
    if (part.type === 'minute') minute = Number(part.value);
  }
  return { hour, minute };
}

/** "18:29" (or "6:29pm" where people read 12-hour times): the one clock format of the app. */
export function clockTime(at: string | number | Date, timeZone?: string): string {
  const { hour, minute } = localClock(at, timeZone);
  return clockLabel(hour, minute, timeZone);
}
