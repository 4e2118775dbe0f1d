// Finds the "when" in a message ("at 5pm", "in 20 min", "tomorrow morning", "every weekday at 8:00",
// "on Friday at 10", "March 3") and what is left once it is taken out. Pure text work: turning the
// result into instants (with the person's zone and clock) is when-resolve.ts.
import * as chrono from 'chrono-node';
import type { LocalDate } from '../time';

export type PartOfDay =
  | 'morning'
  | 'afternoon'
  | 'evening'
  | 'tonight'
  /** "after lunch": an hour after the person's lunch. */
  | 'afterLunch'
  /** "at lunch", "lunchtime": the person's lunch. */
  | 'lunch'
  /** "after work": when the person's work ends. */
  | 'afterWork'
  /** "first thing": the person's day start. */
  | 'firstThing'
  /** "end of the week", "before the weekend": Friday afternoon. */
  | 'endOfWeek';

export interface ClockSpec {
  hour: number;
  minute: number;
  meridiem: 'am' | 'pm' | null;
  /** Written so it cannot be 12-hour: "17:00", "08:30", "0:15". */
  twentyFour: boolean;
  /** Written with minutes ("8:30"): 24-hour in zones that use it. */
  colon: boolean;
}

export type DateSpec =
  | { kind: 'offset'; days: number }
  | { kind: 'weekday'; weekday: number; next: boolean; inNextWeek?: boolean }
  | { kind: 'dayOfMonth'; day: number }
  | { kind: 'nextWeek' }
  | { kind: 'date'; date: LocalDate };

export interface WhenSpec {
  /** The message without the time expressions. */
  rest: string;
  relativeMinutes: number | null;
  relativeDays: number | null;
  date: DateSpec | null;
  clock: ClockSpec | null;
  part: PartOfDay | null;
  /** "in the morning": the next morning, today's if it has not started yet. */
  partIsNext: boolean;
  repeat: { kind: 'daily' | 'weekdays' | 'weekly'; weekdays?: number[] } | null;
  /** "every 2 hours" and other repeats the product cannot schedule. */
  unsupportedRepeat: boolean;
  /** The date was introduced by "on/by/next/this" (a bare "monday" inside a note is weaker). */
  datePrefixed: boolean;
  /** A time too vague to pick alone: "in a bit", "later", "at some point" / "this week" (asked). */
  vague?: 'later' | 'thisWeek';
}

const DAY_RE =
  'monday|mon|tuesday|tues|tue|wednesday|weds|wed|thursday|thurs|thur|thu|friday|fri|saturday|sat|sunday|sun|lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche';

/** 1=Mon..7=Sun for a day name or abbreviation (English or French). */
export function weekdayNumber(name: string): number | null {
  const n = name.toLowerCase().replace(/s$/, '');
  const table: [RegExp, number][] = [
    [/^(mon|monday|lundi)$/, 1],
    [/^(tue|tues|tuesday|mardi)$/, 2],
    [/^(wed|wedne|wednesday|mercredi)$/, 3],
    [/^(thu|thur|thurs|thursday|jeudi)$/, 4],
    [/^(fri|friday|vendredi)$/, 5],
    [/^(sat|saturday|samedi)$/, 6],
    [/^(sun|sunday|dimanche)$/, 7],
  ];
  for (const [re, d] of table) if (re.test(n) || re.test(name.toLowerCase())) return d;
  return null;
}

const NUM_WORDS: Record<string, number> = {
  a: 1,
  an: 1,
  one: 1,
  un: 1,
  une: 1,
  two: 2,
  deux: 2,
  three: 3,
  trois: 3,
  four: 4,
  five: 5,
  cinq: 5,
  ten: 10,
  dix: 10,
  fifteen: 15,
  twenty: 20,
  thirty: 30,
  'forty five': 45,
  'forty-five': 45,
  'a couple': 2,
  'a couple of': 2,
  'a few': 3,
};

function amount(text: string): number | null {
  const t = text.trim().toLowerCase();
  if (/^half an?$|^a half$|^une demi$/.test(t)) return 0.5;
  const n = Number(t.replace(',', '.'));
  if (Number.isFinite(n) && t !== '') return n;
  return NUM_WORDS[t] ?? null;
}

/** Minutes in one of the unit words people type. */
function unitMinutes(unit: string): number | null {
  const u = unit.toLowerCase();
  if (/^(m|min|mins|minute|minutes|minuets|mn)$/.test(u)) return 1;
  if (/^(h|hr|hrs|hour|hours|heure|heures)$/.test(u)) return 60;
  if (/^(d|day|days|jour|jours|j)$/.test(u)) return 1440;
  if (/^(w|wk|wks|week|weeks|semaine|semaines)$/.test(u)) return 10080;
  return null;
}

const AMOUNT = String.raw`(an?|one|une?|half an?|a half|une demi|\d+(?:[.,]\d+)?|two|deux|three|trois|four|five|cinq|ten|dix|fifteen|twenty|thirty|forty[- ]five|a couple(?: of)?|a few)`;
const UNIT = String.raw`(minutes?|minuets|mins?|mn|m|hours?|hrs?|hr|h|heures?|days?|jours?|weeks?|wks?|semaines?)`;

// The pipeline reads the same clause more than once (split, appointment, deadline, router): parsing
// is pure, so the last few results are kept (only what one message needs).
const MEMO = new Map<string, WhenSpec>();
const MEMO_SIZE = 16;

/** Parses the time expressions out of `text` (any case). */
export function parseWhen(text: string, opts: { monthFirst?: boolean } = {}): WhenSpec {
  const key = `${opts.monthFirst ? 1 : 0}${text}`;
  const hit = MEMO.get(key);
  if (hit) return { ...hit, date: hit.date ? { ...hit.date } : null };
  const spec = parseWhenUncached(text, opts);
  if (MEMO.size >= MEMO_SIZE) MEMO.delete(MEMO.keys().next().value ?? '');
  MEMO.set(key, spec);
  return { ...spec, date: spec.date ? { ...spec.date } : null };
}

function parseWhenUncached(text: string, opts: { monthFirst?: boolean }): WhenSpec {
  const lower = text.toLowerCase();
  // Work on a copy where taken spans are blanked; keep the original's case for the rest.
  const base = lower.length === text.length ? text : lower;
  let s = lower;
  let out = base;
  const spec: WhenSpec = {
    rest: '',
    relativeMinutes: null,
    relativeDays: null,
    date: null,
    clock: null,
    part: null,
    partIsNext: false,
    repeat: null,
    unsupportedRepeat: false,
    datePrefixed: false,
  };

  const take = (re: RegExp, onMatch: (m: RegExpExecArray) => boolean): void => {
    // eslint-disable-next-line security/detect-non-literal-regexp -- built from constant fragments in this file, never from input
    const g = new RegExp(re.source, re.flags.includes('g') ? re.flags : `${re.flags}g`);
    let m: RegExpExecArray | null;
    while ((m = g.exec(s)) !== null) {
      if (m[0].length === 0) {
        g.lastIndex++;
        continue;
      }
      if (!onMatch(m)) continue;
      const blank = ' '.repeat(m[0].length);
      s = s.slice(0, m.index) + blank + s.slice(m.index + m[0].length);
      out = out.slice(0, m.index) + blank + out.slice(m.index + m[0].length);
    }
  };

  // Repeats first, so "every Monday" is not read as "Monday".
  take(/\b(?:every|each)\s+(?:\d+|other|few|couple of)\s+(?:\w+)\b|\bhourly\b|\bmonthly\b|\byearly\b/, () => {
    spec.unsupportedRepeat = true;
    return true;
  });
  take(
    /\b(?:(?:every|each)\s+(?:single\s+)?(?:week ?day|work ?day|working day|business day)s?|(?:on\s+)?weekdays|monday to friday|mon-fri|en semaine)\b/,
    () => {
      spec.repeat = { kind: 'weekdays' };
      return true;
    },
  );
  take(/\b(?:every|each)\s+(?:single\s+)?(morning|afternoon|evening|night)\b|\b(nightly)\b/, (m) => {
    spec.repeat = { kind: 'daily' };
    const p = m[1] ?? 'night';
    spec.part = p === 'night' || p === 'nightly' ? 'tonight' : (p as PartOfDay);
    return true;
  });
  take(/\b(?:(?:every|each)\s+(?:single\s+)?day|daily|everyday|tous les jours|chaque jour)\b/, () => {
    spec.repeat = { kind: 'daily' };
    return true;
  });
  take(/\b(?:(?:every|each)\s+weekend|(?:on\s+)?weekends|le week-end)\b/, () => {
    spec.repeat = { kind: 'weekly', weekdays: [6, 7] };
    return true;
  });
  const dayList = String.raw`((?:${DAY_RE})s?(?:\s*(?:,|and|&|\+|et)\s*(?:${DAY_RE})s?)*)`;
  // eslint-disable-next-line security/detect-non-literal-regexp -- built from constant fragments in this file, never from input
  take(new RegExp(String.raw`\b(every|each|on|tous les|chaque)\s+${dayList}\b`), (m) => {
    const names = (m[2] ?? '').split(/\s*(?:,|and|&|\+|et)\s*/).filter(Boolean);
    // "on Monday" is one day; "on Mondays" repeats.
    if (m[1] === 'on' && !names.every((n) => /s$/.test(n) && !/^(tues|thurs|weds)$/.test(n))) return false;
    const days = names.map(weekdayNumber).filter((d): d is number => d !== null);
    if (days.length === 0) return false;
    spec.repeat = { kind: 'weekly', weekdays: [...new Set(days)].sort((a, b) => a - b) };
    return true;
  });
  take(/\b(?:every|each)\s+week\b|\bweekly\b|\bchaque semaine\b/, () => {
    spec.repeat = { kind: 'weekly' };
    return true;
  });

  // Durations: "in 20 min", "in an hour and a half", "in 1h30", "20 minutes from now".
  // eslint-disable-next-line security/detect-non-literal-regexp -- built from constant fragments in this file, never from input
  const relative = new RegExp(
    String.raw`\b(?:in|dans|within)\s+${AMOUNT}\s*${UNIT}(?:\b|(?=\d))(?:\s*(?:and\s+)?(a half|(\d{1,2})\s*(?:minutes?|mins?|m)?\b))?|\b${AMOUNT}\s*${UNIT}\s+from now\b`,
  );
  take(relative, (m) => {
    const amt = amount(m[1] ?? m[5] ?? '');
    const unit = unitMinutes(m[2] ?? m[6] ?? '');
    if (amt === null || unit === null) return false;
    let minutes = amt * unit;
    if (m[3] === 'a half') minutes += unit / 2;
    else if (m[4]) minutes += Number(m[4]);
    if (unit >= 1440) spec.relativeDays = Math.round(minutes / 1440);
    else spec.relativeMinutes = Math.round(minutes);
    return true;
  });

  // "remind me in 20 to check the oven": a bare number after "in" is minutes.
  take(/\b(?:in|dans)\s+(\d{1,3})(?=\s+(?:to|pour|de)\b|\s*[,:-]|\s*$)/, (m) => {
    const n = Number(m[1]);
    if (n < 1 || n > 180 || spec.relativeMinutes !== null) return false;
    spec.relativeMinutes = n;
    return true;
  });

  // Clock times.
  const prep = String.raw`(?:(?:at|@|à|a|around|about|by|for|vers|before)\s+)?`;
  // eslint-disable-next-line security/detect-non-literal-regexp -- built from constant fragments in this file, never from input
  take(new RegExp(String.raw`\b${prep}(noon|midday|midi|midnight|minuit)\b`), (m) => {
    const midnight = /midnight|minuit/.test(m[1] ?? '');
    spec.clock = { hour: midnight ? 0 : 12, minute: 0, meridiem: null, twentyFour: true, colon: false };
    if (midnight && !spec.date) spec.date = { kind: 'offset', days: 1 };
    return true;
  });
  take(
    // eslint-disable-next-line security/detect-non-literal-regexp -- built from constant fragments in this file, never from input
    new RegExp(String.raw`(?:\b${prep}|@\s*)(\d{1,2})(?:[:.h](\d{2}))?\s*(a\.?m\.?|p\.?m\.?)(?=\s|$|[,;!?])`),
    (m) => {
      const hour = Number(m[1]);
      const minute = Number(m[2] ?? 0);
      if (hour < 1 || hour > 12 || minute > 59) return false;
      const meridiem = (m[3] ?? '').startsWith('a') ? 'am' : 'pm';
      spec.clock = { hour, minute, meridiem, twentyFour: false, colon: m[2] !== undefined };
      return true;
    },
  );
  // "9.30" is a time only after "at" (else it may be a number); "9:30" and "17h30" anywhere.
  const clockRe = String.raw`(?:\b${prep}|@\s*)(\d{1,2})[:h](\d{2})\b|\b${prep}(\d{1,2})h\b|\b(?:at|à|around|by)\s+(\d{1,2})\.(\d{2})\b`;
  // eslint-disable-next-line security/detect-non-literal-regexp -- built from constant fragments in this file, never from input
  take(new RegExp(clockRe), (m) => {
    const hourText = m[1] ?? m[3] ?? m[4] ?? '';
    const hour = Number(hourText);
    const minute = Number(m[2] ?? m[5] ?? 0);
    if (hour > 23 || minute > 59) return false;
    const isH = m[3] !== undefined || /h/.test(m[0].slice(hourText.length));
    const twentyFour = hour === 0 || hour > 12 || (hourText.length === 2 && hourText.startsWith('0')) || isH;
    spec.clock = { hour, minute, meridiem: null, twentyFour, colon: true };
    return true;
  });
  take(
    /(?:\b(?:at|@|à|around|about|by|vers)\s+|@\s*)(\d{1,2})(?:\s*o'?clock)?\b(?!\s*(?:min|h|%|\/|\.\d))|\b(\d{1,2})\s*o'?clock\b/,
    (m) => {
      const hour = Number(m[1] ?? m[2]);
      if (hour > 23) return false;
      spec.clock = { hour, minute: 0, meridiem: null, twentyFour: hour === 0 || hour > 12, colon: false };
      return true;
    },
  );

  // Vague but common moments, read against the person's day (when-resolve's partTime).
  take(/\b(?:right |just |straight )?after (?:my |the )?lunch(?: break)?\b/, () => {
    spec.part = 'afterLunch';
    return true;
  });
  take(
    /\b(?:at |over |during |around )?lunch ?time\b|\b(?:at|over|during|around) (?:my |the )?lunch(?: break)?\b/,
    () => {
      spec.part = 'lunch';
      return true;
    },
  );
  take(
    /\b(?:right |just |straight )?(?:after|when i (?:finish|leave|get off|get out of|get home from)|once i(?:'m| am)? (?:finish|done with|leave|off|get off|out of|home from)) (?:my |the )?(?:work|job|shift|office)\b|\bafter i (?:finish|leave) (?:work|my shift)\b/,
    () => {
      spec.part = 'afterWork';
      return true;
    },
  );
  take(/\b(?:at |the )?first thing(?: in the morning)?\b/, () => {
    spec.part = 'firstThing';
    if (!spec.date) spec.partIsNext = true;
    return true;
  });
  take(
    /\b(?:by |before |at |for )?(?:the )?end of (?:the |this )?week\b|\b(?:before|by) the weekend\b/,
    () => {
      spec.part = 'endOfWeek';
      spec.date = { kind: 'weekday', weekday: 5, next: false };
      spec.datePrefixed = true;
      return true;
    },
  );

  // Dates.
  take(/\b(?:the\s+)?day after (?:tomorrow|tmrw|tmr)\b|\bapr[eè]s[- ]demain\b/, () => {
    spec.date = { kind: 'offset', days: 2 };
    return true;
  });
  take(
    /\b(?:by\s+|for\s+)?(tomorrow|tomorow|tommorow|tommorrow|tomorro|tmrw|tmr|tmw|2moro|2morrow|tomoz|demain)\b/,
    () => {
      spec.date = { kind: 'offset', days: 1 };
      return true;
    },
  );
  take(/\b(?:later\s+)?(?:today|aujourd'hui|2day)\b/, () => {
    spec.date = { kind: 'offset', days: 0 };
    return true;
  });
  take(/\b(?:next week|la semaine prochaine)\b/, () => {
    spec.date = { kind: 'nextWeek' };
    return true;
  });
  take(/\b(?:(?:this|next)\s+)?weekend\b|\bce week-end\b/, () => {
    spec.date = { kind: 'weekday', weekday: 6, next: false };
    return true;
  });
  const weekdayRe = String.raw`\b(?:(on|this|next|coming|this coming|by|until)\s+)?(${DAY_RE})\b(?:\s+(prochain))?`;
  // eslint-disable-next-line security/detect-non-literal-regexp -- built from constant fragments in this file, never from input
  take(new RegExp(weekdayRe), (m) => {
    const name = m[2] ?? '';
    // "sat", "sun", "wed" are words too: only take them after "on/this/next" or before "at".
    const atFollows = /^\s+(?:at\b|@)/.test(lower.slice(m.index + m[0].length));
    if (name.length <= 4 && !m[1] && !atFollows) return false;
    const weekday = weekdayNumber(name);
    if (weekday === null) return false;
    // "Wednesday next week": that weekday in next week.
    const inNextWeek = spec.date?.kind === 'nextWeek';
    spec.date = { kind: 'weekday', weekday, next: m[1] === 'next' || m[3] === 'prochain' };
    if (inNextWeek) spec.date.inNextWeek = true;
    spec.datePrefixed = Boolean(m[1] ?? m[3]) || atFollows;
    return true;
  });
  take(/\b(on\s+)?the\s+(\d{1,2})(?:st|nd|rd|th)\b/, (m) => {
    const day = Number(m[2]);
    if (day < 1 || day > 31) return false;
    spec.date = { kind: 'dayOfMonth', day };
    spec.datePrefixed = Boolean(m[1]);
    return true;
  });

  // Parts of the day.
  take(
    /\b(in the|this|at|du|ce|cet|le)?\s*(morning|afternoon|evening|tonight|night|matin|soir|apr[eè]s-midi|aprem)\b/,
    (m) => {
      const word = m[2] ?? '';
      if (word === 'night' && !m[1] && !spec.date) return false;
      if (/good\s*$/.test(s.slice(0, m.index))) return false;
      const parts: Record<string, PartOfDay> = {
        morning: 'morning',
        matin: 'morning',
        afternoon: 'afternoon',
        'après-midi': 'afternoon',
        'apres-midi': 'afternoon',
        aprem: 'afternoon',
        evening: 'evening',
        tonight: 'tonight',
        night: 'tonight',
        soir: 'evening',
      };
      spec.part = parts[word] ?? 'evening';
      if (word === 'tonight' || m[1] === 'ce' || m[1] === 'this') spec.date ??= { kind: 'offset', days: 0 };
      if (m[1] === 'in the') spec.partIsNext = true;
      return true;
    },
  );

  // Too vague to pick alone (resolved as a question with quick replies): after the dates, so
  // "later today" is already taken.
  // French words stay as typed (they would otherwise end up, translated, in a title).
  take(
    /\b(?:some ?time |at some point )?(?:this week|during the week|in the week)\b|(?:dans|pendant|au cours de) la semaine\b|\bcette semaine\b/,
    () => {
      if (spec.date) return false;
      spec.vague = 'thisWeek';
      return true;
    },
  );
  take(
    /\b(?:in a (?:little |wee )?(?:bit|while|moment|sec|second|min|minute)|in a few|in a lil bit|shortly|soonish|soon|later on|later|at some point|some ?time|whenever|eventually|one of these days|when i (?:can|get a (?:chance|sec|minute|moment)|have (?:a (?:sec|minute|moment)|time)))\b|(?<![\p{L}\d])(?:plus tard|un de ces (?:jours|quatre)|[àa] un moment(?: donn[ée])?|bient[ôo]t|quand j'?(?:aurai|ai) (?:le temps|un moment|deux minutes|2 min)|d[èe]s que possible|in a bit)(?![\p{L}])/u,
    () => {
      spec.vague ??= 'later';
      return true;
    },
  );

  // chrono is the slow part: only when a calendar date can be there (a digit or a month name).
  if (!spec.date && !spec.repeat && MAY_BE_DATE.test(s))
    takeChronoDate(s, opts.monthFirst ?? false, (start, end, date, prefixed) => {
      spec.date = { kind: 'date', date };
      spec.datePrefixed = prefixed;
      const blank = ' '.repeat(end - start);
      s = s.slice(0, start) + blank + s.slice(end);
      out = out.slice(0, start) + blank + out.slice(end);
    });

  spec.rest = out.replace(/\s+/g, ' ').trim();
  return spec;
}

// Explicit calendar dates ("March 3rd", "3 April", "12/03") come from chrono. Its reference is noon
// of an arbitrary day in UTC fields so the result does not depend on the server's own zone; only the
// day/month/year are used, and the caller picks the year. chrono's GB parser reads "March 25" as
// March 2025, so month names go through the casual parser and only numeric dates use day-first.
const MAY_BE_DATE = /\d|\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\b/;
const REFERENCE = { instant: new Date(Date.UTC(2000, 0, 1, 12)), timezone: 0 };

function takeChronoDate(
  s: string,
  monthFirst: boolean,
  onDate: (start: number, end: number, date: LocalDate, prefixed: boolean) => void,
): void {
  for (const r of chrono.en.casual.parse(s, REFERENCE)) {
    let c = r.start;
    if (/^\d{1,2}[/.-]\d{1,2}/.test(r.text) && !monthFirst) {
      const gb = chrono.en.GB.parse(r.text, REFERENCE)[0];
      if (!gb) continue;
      c = gb.start;
    }
    if (!c.isCertain('day') || !c.isCertain('month') || c.isCertain('hour')) continue;
    if (/^\d{1,2}$/.test(r.text.trim())) continue;
    const year = c.isCertain('year') ? (c.get('year') ?? 0) : 0;
    const prefix = /\b(?:on|by|for|le)\s+$/.exec(s.slice(0, r.index));
    const start = prefix ? r.index - prefix[0].length : r.index;
    const date = { year, month: c.get('month') ?? 1, day: c.get('day') ?? 1 };
    onDate(start, r.index + r.text.length, date, prefix !== null);
    return;
  }
}
