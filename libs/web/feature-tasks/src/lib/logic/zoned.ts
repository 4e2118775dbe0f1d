// A deadline typed in a date-time field means the person's own zone (the one reminders follow), which
// may not be the browser's: these turn "YYYY-MM-DDTHH:MM" there into an instant and back.

const FIELDS = new Map<string, Intl.DateTimeFormat>();
const formatterFor = (timeZone: string | undefined) => {
  const key = timeZone ?? '';
  let format = FIELDS.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat('en-CA', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    });
    FIELDS.set(key, format);
  }
  return format;
};

/** "2026-12-06T18:30": the wall time of an instant in a zone, as a datetime-local field holds it. */
export function toLocalInput(at: string | number, timeZone?: string): string {
  const parts: Record<string, string> = {};
  for (const p of formatterFor(timeZone).formatToParts(new Date(at))) parts[p.type] = p.value;
  const hour = String(Number(parts['hour']) % 24).padStart(2, '0');
  return `${parts['year']}-${parts['month']}-${parts['day']}T${hour}:${parts['minute']}`;
}

const asUtcMs = (local: string) => {
  const [date = '', time = ''] = local.split('T');
  const [y = 0, m = 1, d = 1] = date.split('-').map(Number);
  const [h = 0, min = 0] = time.split(':').map(Number);
  return Date.UTC(y, m - 1, d, h, min);
};

/** The instant (ISO) a "YYYY-MM-DDTHH:MM" wall time means in a zone; null when the text is not one. */
export function fromLocalInput(local: string, timeZone?: string): string | null {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(local)) return null;
  const wanted = asUtcMs(local);
  // Guess, see what wall time the guess shows, correct by the difference (twice: DST edges).
  let guess = wanted;
  for (let i = 0; i < 2; i++) guess += wanted - asUtcMs(toLocalInput(guess, timeZone));
  return new Date(guess).toISOString();
}
