// Wall-clock ↔ instant conversions in the person's IANA zone, DST-correct, and the short local
// formats the replies use. Everything takes `now` explicitly so the brain stays deterministic.
import { DateTime } from 'luxon';
import { clockLabel, usesTwelveHourClock } from '@pa/shared-domain';
import type { Recurrence } from './brain.types';

export interface LocalDate {
  year: number;
  month: number;
  day: number;
}

export interface WallClock extends LocalDate {
  hour: number;
  minute: number;
}

const MINUTE = 60_000;
const DAY = 86_400_000;
const WEEKDAY_SHORT = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'] as const;
const MONTH_SHORT = [
  'Jan',
  'Feb',
  'Mar',
  'Apr',
  'May',
  'Jun',
  'Jul',
  'Aug',
  'Sep',
  'Oct',
  'Nov',
  'Dec',
] as const;

/** Whether luxon knows the IANA zone. */
export function isValidZone(timeZone: string): boolean {
  return DateTime.now().setZone(timeZone).isValid;
}

/** The zone to compute in: the given one if valid, else UTC (a bad preference must not break replies). */
export function safeZone(timeZone: string): string {
  return isValidZone(timeZone) ? timeZone : 'UTC';
}

/** The instant seen on the wall clock of `timeZone`. */
export function toLocal(date: Date, timeZone: string): DateTime {
  return DateTime.fromMillis(date.getTime(), { zone: safeZone(timeZone) });
}

function offsetAt(ms: number, zone: string): number {
  return DateTime.fromMillis(ms, { zone }).offset;
}

function showsWall(ms: number, zone: string, w: WallClock): boolean {
  const l = DateTime.fromMillis(ms, { zone });
  return (
    l.year === w.year && l.month === w.month && l.day === w.day && l.hour === w.hour && l.minute === w.minute
  );
}

/**
 * The instant a local wall-clock time means. A time that happens twice (DST fall-back) is the first
 * one; a time that does not exist (spring-forward gap) becomes the first valid instant after the
 * gap, i.e. the moment the clocks jump (Paris 02:30 on the last Sunday of March → 03:00).
 */
export function wallToUtc(w: WallClock, timeZone: string): Date {
  const zone = safeZone(timeZone);
  const asUtc = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute);
  const offsets = new Set([offsetAt(asUtc - DAY, zone), offsetAt(asUtc, zone), offsetAt(asUtc + DAY, zone)]);
  const matches = [...offsets].map((o) => asUtc - o * MINUTE).filter((ms) => showsWall(ms, zone, w));
  if (matches.length > 0) return new Date(Math.min(...matches));
  // In a gap: search, minute by minute (binary), for the first instant on the later offset.
  const before = offsetAt(asUtc - DAY, zone);
  const after = offsetAt(asUtc + DAY, zone);
  let lo = Math.floor((asUtc - Math.max(before, after) * MINUTE) / MINUTE);
  let hi = Math.ceil((asUtc - Math.min(before, after) * MINUTE) / MINUTE);
  while (lo < hi) {
    const mid = Math.floor((lo + hi) / 2);
    if (offsetAt(mid * MINUTE, zone) === after) hi = mid;
    else lo = mid + 1;
  }
  return new Date(lo * MINUTE);
}

/** The local calendar date of an instant. */
export function localDateOf(date: Date, timeZone: string): LocalDate {
  const l = toLocal(date, timeZone);
  return { year: l.year, month: l.month, day: l.day };
}

/** A local date `n` days later (calendar arithmetic, no DST surprises). */
export function addDays(d: LocalDate, n: number): LocalDate {
  const t = new Date(Date.UTC(d.year, d.month - 1, d.day + n));
  return { year: t.getUTCFullYear(), month: t.getUTCMonth() + 1, day: t.getUTCDate() };
}

/** ISO weekday of a local date, 1=Mon..7=Sun. */
export function weekdayOf(d: LocalDate): number {
  const w = new Date(Date.UTC(d.year, d.month - 1, d.day)).getUTCDay();
  return w === 0 ? 7 : w;
}

/** Whole days from local date a to local date b. */
export function daysBetween(a: LocalDate, b: LocalDate): number {
  return Math.round((Date.UTC(b.year, b.month - 1, b.day) - Date.UTC(a.year, a.month - 1, a.day)) / DAY);
}

/** "HH:MM" → [hour, minute]. */
export function splitHhMm(time: string): [number, number] {
  const [h, m] = time.split(':').map(Number);
  return [h ?? 0, m ?? 0];
}

export function hhmm(hour: number, minute: number): string {
  return `${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}`;
}

/** People in the Americas read "5pm"; elsewhere "17:00" (the rule the web shares). */
export function uses12Hour(timeZone: string): boolean {
  return usesTwelveHourClock(timeZone);
}

/** A clock time as the person reads it: "17:00" or "5pm" / "5:30pm" (the web writes it the same way). */
export function formatClock(hour: number, minute: number, timeZone: string): string {
  return clockLabel(hour, minute, timeZone);
}

/** The local time of an instant: "17:00" / "5pm". */
export function formatTime(date: Date, timeZone: string): string {
  const l = toLocal(date, timeZone);
  return formatClock(l.hour, l.minute, timeZone);
}

/**
 * A short local date-time. With `now`: "today 17:00", "tomorrow 09:00", "Fri 10:00" (within a week),
 * else "Fri 3 Apr 10:00".
 */
export function formatLocal(date: Date, timeZone: string, now?: Date): string {
  const l = toLocal(date, timeZone);
  const time = formatClock(l.hour, l.minute, timeZone);
  const wd = WEEKDAY_SHORT[l.weekday - 1] ?? '';
  if (now) {
    const diff = daysBetween(localDateOf(now, timeZone), { year: l.year, month: l.month, day: l.day });
    if (diff === 0) return `today ${time}`;
    if (diff === 1) return `tomorrow ${time}`;
    if (diff > 1 && diff < 7) return `${wd} ${time}`;
  }
  return `${wd} ${l.day} ${MONTH_SHORT[l.month - 1] ?? ''} ${time}`;
}

/** The first occurrence of a recurrence strictly after `now`. */
export function nextOccurrence(rec: Recurrence, now: Date, timeZone: string): Date {
  const [hour, minute] = splitHhMm(rec.time);
  const today = localDateOf(now, timeZone);
  for (let i = 0; i <= 8; i++) {
    const d = addDays(today, i);
    const wd = weekdayOf(d);
    if (rec.kind === 'weekdays' && wd > 5) continue;
    if (rec.kind === 'weekly' && !(rec.weekdays ?? []).includes(wd)) continue;
    const at = wallToUtc({ ...d, hour, minute }, timeZone);
    if (at.getTime() > now.getTime()) return at;
  }
  // Unreachable for valid recurrences (every kind matches within 8 days); stay total anyway.
  return new Date(now.getTime() + DAY);
}

const DAY_NAMES = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'] as const;

/** "every weekday at 08:00", "every Mon and Thu at 9am". */
export function describeRecurrence(rec: Recurrence, timeZone: string): string {
  const [h, m] = splitHhMm(rec.time);
  const at = `at ${formatClock(h, m, timeZone)}`;
  if (rec.kind === 'daily') return `every day ${at}`;
  if (rec.kind === 'weekdays') return `every weekday ${at}`;
  const days = rec.weekdays ?? [];
  const names =
    days.length === 1 ? [DAY_NAMES[(days[0] ?? 1) - 1] ?? ''] : days.map((d) => WEEKDAY_SHORT[d - 1] ?? '');
  const list =
    names.length > 1 ? `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}` : names[0];
  return `every ${list} ${at}`;
}

/** When a reminder will come, as a phrase: "in 20 min (14:20)", "today at 17:00", "on Fri at 10:00". */
export function formatWhen(date: Date, timeZone: string, now: Date): string {
  const minutes = Math.round((date.getTime() - now.getTime()) / 60_000);
  if (minutes > 0 && minutes < 60) return `in ${minutes} min (${formatTime(date, timeZone)})`;
  const local = formatLocal(date, timeZone, now);
  const m = /^(today|tomorrow|\w{3}) (\S+)$/.exec(local);
  if (m) return m[1] === 'today' || m[1] === 'tomorrow' ? `${m[1]} at ${m[2]}` : `on ${m[1]} at ${m[2]}`;
  const parts = local.split(' ');
  const time = parts.pop() ?? '';
  return `on ${parts.join(' ')} at ${time}`;
}
