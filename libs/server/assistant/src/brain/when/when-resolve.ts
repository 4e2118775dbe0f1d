// Turns a parsed "when" into instants in the person's zone: the first due time (and the recurrence),
// or the choices to ask back when a person could mean two things ("at 5" at 3 a.m.).
import type { Recurrence } from '../brain.types';
import { DEFAULT_DAY_RULES, type DayRules } from '../brain.types';
import {
  addDays,
  daysBetween,
  formatLocal,
  hhmm,
  localDateOf,
  nextOccurrence,
  safeZone,
  splitHhMm,
  toLocal,
  uses12Hour,
  wallToUtc,
  weekdayOf,
  type LocalDate,
} from '../time';
import type { ClockSpec, DateSpec, PartOfDay, WhenSpec } from './when-parse';

export interface WhenChoice {
  label: string;
  dueAt: Date;
}

export type WhenResult =
  | { kind: 'at'; dueAt: Date; recurrence: Recurrence | null }
  | { kind: 'choose'; choices: WhenChoice[] }
  | { kind: 'unsupported' }
  | { kind: 'none' };

const MINUTE = 60_000;

/** Whether the message said anything about time at all. */
export function hasWhen(spec: WhenSpec): boolean {
  return (
    spec.relativeMinutes !== null ||
    spec.relativeDays !== null ||
    spec.date !== null ||
    spec.clock !== null ||
    spec.part !== null ||
    spec.repeat !== null ||
    spec.unsupportedRepeat
  );
}

/** Whether the time words are clear enough to make a reminder out of a message that never says "remind". */
export function isStrongWhen(spec: WhenSpec): boolean {
  if (spec.relativeMinutes !== null || spec.relativeDays !== null || spec.clock || spec.part || spec.repeat)
    return true;
  if (spec.unsupportedRepeat) return true;
  if (!spec.date) return false;
  return spec.date.kind === 'offset' || spec.date.kind === 'nextWeek' || spec.datePrefixed;
}

/** A bare "at 8" on another day: the likelier half of the day (7–11 morning, 1–6 afternoon/evening). */
function likelyHour(hour: number): number {
  if (hour === 12 || hour >= 7) return hour;
  return hour + 12;
}

/** `later` marks "3:30" in a 24-hour zone: read as 03:30, unless that has passed today and 15:30 has not. */
type Hour = { hour: number; minute: number; later?: boolean } | { ambiguous: number; minute: number };

function clockHour(c: ClockSpec, spec: WhenSpec, timeZone: string): Hour {
  const minute = c.minute;
  if (c.meridiem) return { hour: (c.hour % 12) + (c.meridiem === 'pm' ? 12 : 0), minute };
  if (spec.part && c.hour <= 12) {
    if (spec.part === 'morning' || spec.part === 'firstThing') return { hour: c.hour % 12, minute };
    return { hour: c.hour < 12 ? c.hour + 12 : 12, minute };
  }
  if (c.twentyFour || c.hour === 12 || c.hour === 0) return { hour: c.hour, minute };
  if (c.colon && !uses12Hour(timeZone)) return { hour: c.hour, minute, later: true };
  return { ambiguous: c.hour, minute };
}

interface Ctx {
  now: Date;
  zone: string;
  today: LocalDate;
  rules: DayRules;
}

const plusMinutes = (time: string, minutes: number): [number, number] => {
  const [h, m] = splitHhMm(time);
  const total = Math.min(23 * 60 + 59, Math.max(0, h * 60 + m + minutes));
  return [Math.floor(total / 60), total % 60];
};

/**
 * The local time a part of the day stands for, from the person's day: morning and "first thing" are
 * their day start, "after lunch" an hour after lunch, afternoon 14:00 (or after lunch if later),
 * evening their evening, "tonight" an hour after it, "end of the week" Friday 16:00.
 */
export function partTime(part: PartOfDay, rules: DayRules = DEFAULT_DAY_RULES): [number, number] {
  switch (part) {
    case 'morning':
    case 'firstThing':
      return splitHhMm(rules.dayStart);
    case 'lunch':
      return splitHhMm(rules.lunch);
    case 'afterLunch':
      return plusMinutes(rules.lunch, 60);
    case 'afterWork':
      return splitHhMm(rules.workEnd);
    case 'afternoon': {
      const [h, m] = plusMinutes(rules.lunch, 60);
      return h * 60 + m > 14 * 60 ? [h, m] : [14, 0];
    }
    case 'evening':
      return splitHhMm(rules.evening);
    case 'tonight':
      return plusMinutes(rules.evening, 60);
    case 'endOfWeek':
      return [16, 0];
  }
}

function at(x: Ctx, d: LocalDate, hour: number, minute: number): Date {
  return wallToUtc({ ...d, hour, minute }, x.zone);
}

function choice(x: Ctx, dueAt: Date, label?: string): WhenChoice {
  return { label: label ?? formatLocal(dueAt, x.zone, x.now), dueAt };
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** The local date(s) a date expression names; two when "next Friday" could be either week. */
function resolveDate(x: Ctx, d: DateSpec): LocalDate[] {
  const { today } = x;
  switch (d.kind) {
    case 'offset':
      return [addDays(today, d.days)];
    case 'nextWeek':
      return [addDays(today, 8 - weekdayOf(today))];
    case 'weekday': {
      const todayWd = weekdayOf(today);
      if (d.inNextWeek) return [addDays(today, 8 - todayWd + d.weekday - 1)];
      const diff = (d.weekday - todayWd + 7) % 7;
      if (!d.next) return [addDays(today, diff)];
      if (diff === 0) return [addDays(today, 7)];
      // "next Friday" on a Tuesday: this week's or next week's? Ask.
      if (d.weekday > todayWd) return [addDays(today, diff), addDays(today, diff + 7)];
      return [addDays(today, diff)];
    }
    case 'dayOfMonth': {
      let { year, month } = today;
      for (let i = 0; i < 13; i++) {
        if (d.day <= daysInMonth(year, month) && (i > 0 || d.day >= today.day))
          return [{ year, month, day: d.day }];
        month = month === 12 ? 1 : month + 1;
        if (month === 1) year++;
      }
      return [];
    }
    case 'date': {
      if (d.date.year > 0) return [d.date];
      const thisYear = { ...d.date, year: today.year };
      return [daysBetween(today, thisYear) >= 0 ? thisYear : { ...d.date, year: today.year + 1 }];
    }
  }
}

function isToday(x: Ctx, d: LocalDate): boolean {
  return daysBetween(x.today, d) === 0;
}

/**
 * The quick replies for a vague time, from the person's day: "in a bit" / "later" → in 1 hour, this
 * evening (when it is still ahead), tomorrow at day start; "this week" → tomorrow at day start, Friday
 * afternoon (when it comes after tomorrow).
 */
function vagueChoices(x: Ctx, kind: 'later' | 'thisWeek'): WhenResult {
  const tomorrow = at(x, addDays(x.today, 1), ...partTime('morning', x.rules));
  const choices: WhenChoice[] = [];
  if (kind === 'later') {
    const inAnHour = new Date(x.now.getTime() + 60 * MINUTE);
    choices.push(choice(x, inAnHour, 'in 1 hour'));
    const evening = at(x, x.today, ...partTime('evening', x.rules));
    if (evening.getTime() - inAnHour.getTime() > 30 * MINUTE) choices.push(choice(x, evening));
    choices.push(choice(x, tomorrow));
    return { kind: 'choose', choices };
  }
  choices.push(choice(x, tomorrow));
  const untilFriday = (5 - weekdayOf(x.today) + 7) % 7;
  if (untilFriday > 1)
    choices.push(choice(x, at(x, addDays(x.today, untilFriday), ...partTime('endOfWeek'))));
  else choices.push(choice(x, at(x, addDays(x.today, 2), ...partTime('morning', x.rules))));
  return { kind: 'choose', choices };
}

/** Resolves a parsed "when" against the clock and zone. */
export function resolveWhen(
  spec: WhenSpec,
  now: Date,
  timeZone: string,
  rules: DayRules = DEFAULT_DAY_RULES,
): WhenResult {
  const zone = safeZone(timeZone);
  const x: Ctx = { now, zone, today: localDateOf(now, zone), rules };
  const future = (t: Date): boolean => t.getTime() > now.getTime();

  if (spec.repeat) return resolveRepeat(x, spec);
  if (spec.unsupportedRepeat) return { kind: 'unsupported' };

  if (spec.relativeMinutes !== null && spec.relativeMinutes > 0 && !spec.date && !spec.clock && !spec.part) {
    return { kind: 'at', dueAt: new Date(now.getTime() + spec.relativeMinutes * MINUTE), recurrence: null };
  }

  const vague =
    spec.vague && !spec.date && !spec.clock && !spec.part && spec.relativeDays === null
      ? vagueChoices(x, spec.vague)
      : null;
  if (vague) return vague;

  let dates: LocalDate[] = [];
  if (spec.relativeDays !== null) dates = [addDays(x.today, spec.relativeDays)];
  else if (spec.date) dates = resolveDate(x, spec.date);
  if (spec.date && dates.length === 0) return { kind: 'none' };

  // "next Friday" could be either week: ask, with the time if there is one.
  if (dates.length > 1) {
    const [h, m] = timeFor(x, spec) ?? partTime('morning', x.rules);
    return { kind: 'choose', choices: dates.map((d) => choice(x, at(x, d, h, m))) };
  }
  const date = dates[0];
  // Weekday names and "today" roll over to the next one when the time has passed.
  const rollDays = spec.date?.kind === 'weekday' ? 7 : 1;
  const rolls = !date || isToday(x, date);

  if (spec.clock) {
    const h = clockHour(spec.clock, spec, zone);
    if ('ambiguous' in h) {
      if (date && !isToday(x, date)) return atTime(at(x, date, likelyHour(h.ambiguous), h.minute));
      const base = date ?? x.today;
      const am = at(x, base, h.ambiguous, h.minute);
      const pm = at(x, base, h.ambiguous + 12, h.minute);
      const open = [am, pm].filter(future);
      if (open.length === 1 && open[0]) return atTime(open[0]);
      if (open.length === 2) return { kind: 'choose', choices: [choice(x, am), choice(x, pm)] };
      const next = addDays(base, rollDays);
      return {
        kind: 'choose',
        choices: [
          choice(x, at(x, next, h.ambiguous, h.minute)),
          choice(x, at(x, next, h.ambiguous + 12, h.minute)),
        ],
      };
    }
    const base = date ?? x.today;
    const t = at(x, base, h.hour, h.minute);
    if (future(t) || !rolls) return atTime(t);
    // "at 3:30" said at 14:00 means 15:30, not 03:30 tomorrow.
    const pm = at(x, base, h.hour + 12, h.minute);
    if (h.later && rollDays === 1 && future(pm)) return atTime(pm);
    return atTime(at(x, addDays(base, rollDays), h.hour, h.minute));
  }

  if (spec.part) {
    const [h, m] = partTime(spec.part, x.rules);
    const base = date ?? x.today;
    const t = at(x, base, h, m);
    if (future(t) || !isToday(x, base)) return atTime(t);
    const tomorrow = at(x, addDays(base, 1), h, m);
    if (spec.partIsNext) return atTime(tomorrow);
    // "tonight" at 23:00: later tonight, or tomorrow's? Ask.
    const inAnHour = new Date(now.getTime() + 60 * MINUTE);
    return { kind: 'choose', choices: [choice(x, inAnHour, 'in 1 hour'), choice(x, tomorrow)] };
  }

  if (date) {
    if (spec.relativeDays !== null) {
      const l = toLocal(now, zone);
      return atTime(at(x, date, l.hour, l.minute));
    }
    if (!isToday(x, date)) return atTime(at(x, date, ...partTime('morning', x.rules)));
    // "today" with no time: ask when.
    const inAnHour = new Date(now.getTime() + 60 * MINUTE);
    const evening = at(x, date, ...partTime('evening', x.rules));
    const choices = [choice(x, inAnHour, 'in 1 hour')];
    if (future(evening) && evening.getTime() - inAnHour.getTime() > 30 * MINUTE)
      choices.push(choice(x, evening));
    else choices.push(choice(x, at(x, addDays(date, 1), ...partTime('morning', x.rules))));
    return { kind: 'choose', choices };
  }
  return { kind: 'none' };
}

function atTime(dueAt: Date): WhenResult {
  return { kind: 'at', dueAt, recurrence: null };
}

/** The local [hour, minute] a spec names without asking back (for repeats and two-week choices). */
function timeFor(x: Ctx, spec: WhenSpec): [number, number] | null {
  if (spec.clock) {
    const h = clockHour(spec.clock, spec, x.zone);
    return 'ambiguous' in h ? [likelyHour(h.ambiguous), h.minute] : [h.hour, h.minute];
  }
  if (spec.part) return partTime(spec.part, x.rules);
  return null;
}

function resolveRepeat(x: Ctx, spec: WhenSpec): WhenResult {
  const repeat = spec.repeat;
  if (!repeat) return { kind: 'none' };
  const [h, m] = timeFor(x, spec) ?? partTime('morning', x.rules);
  const time = hhmm(h, m);
  let recurrence: Recurrence;
  if (repeat.kind === 'weekly') {
    const fromDate = spec.date?.kind === 'weekday' ? [spec.date.weekday] : null;
    const weekdays = repeat.weekdays ?? fromDate ?? [weekdayOf(x.today)];
    recurrence = { kind: 'weekly', time, weekdays };
  } else {
    recurrence = { kind: repeat.kind, time };
  }
  return { kind: 'at', dueAt: nextOccurrence(recurrence, x.now, x.zone), recurrence };
}
