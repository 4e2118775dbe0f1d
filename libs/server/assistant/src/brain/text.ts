// Text helpers shared by the intent parsers: cleaning what people type (emoji, "pls", curly quotes),
// splitting a message into items, reading numbers, and fuzzy-matching titles.
import { trimEndChars, trimEndTokens } from '@pa/shared-domain';

// Pictographs, flags, skin tones and the joiners/selectors that glue emoji sequences together.
const EMOJI =
  /\p{Extended_Pictographic}|[\u{1F1E6}-\u{1F1FF}]|[\u{1F3FB}-\u{1F3FF}]|\u{FE0F}|\u{200D}|\u{20E3}/gu;

/** The message without emoji, with straight quotes and single spaces. */
export function clean(message: string): string {
  return message
    .replace(EMOJI, ' ')
    .replace(/[\u2018\u2019\u02BC]/g, "'")
    .replace(/[\u201C\u201D]/g, '"')
    .replace(/[\u2013\u2014]/g, '-')
    .replace(/[ \t\u00A0]+/g, ' ')
    .replace(/ *\n */g, '\n')
    .trim();
}

const POLITE_HEAD =
  /^(?:(?:hey|hi|hello|ok|okay|ok so|so|um+|uh+|please|pls|plz|can you|could you|would you|will you|can u|could u|kindly|quick one|yo)\b[,:!.]?\s*)+/i;
// One polite word at the end; trimmed one at a time (trimEndTokens), never as `(?:…)+$`.
const POLITE_TAIL = /[\s,]*\b(?:please|pls|plz|thanks|thank you|thx|ty|merci|stp|svp)\b$/i;

/** Drops leading "hey/ok/pls/can you" and trailing "please/thanks" so the command underneath shows. */
export function stripPoliteness(text: string): string {
  let t = text.trim();
  for (let i = 0; i < 3; i++) {
    const next = withoutPoliteTail(t.replace(POLITE_HEAD, '')).trim();
    if (next === t) break;
    t = next;
  }
  return t;
}

/** `text` without "please", "thanks" at its end (and the ".!" after them); unchanged when there are none. */
function withoutPoliteTail(text: string): string {
  const bare = trimEndChars(text, /[\s.!]/);
  const kept = trimEndTokens(bare, POLITE_TAIL);
  return kept === bare ? text : kept;
}

/** Lower case, no trailing ".!", single spaces: the form the intent patterns read. */
export function normalize(text: string): string {
  return trimEndChars(text.toLowerCase().replace(/\s+/g, ' '), /[.!\s]/).trim();
}

/** Lower-case words (letters and digits) for matching. */
export function words(text: string): string[] {
  return (
    text
      .toLowerCase()
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .match(/[a-z0-9]+/g) ?? []
  );
}

/** Upper-cases the first letter, trims punctuation at the ends. */
export function tidyTitle(text: string): string {
  const t = trimEndChars(trimEndChars(text.replace(/^[\s\-*•·>,;:.]+/, ''), /[\s,;:]/), /\./).trim();
  return t.charAt(0).toUpperCase() + t.slice(1);
}

const NUMBER_WORDS: Record<string, number> = {
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  first: 1,
  second: 2,
  third: 3,
  fourth: 4,
  fifth: 5,
  un: 1,
  deux: 2,
  trois: 3,
};

/** A number written as digits ("2", "#2", "2nd") or a small word ("two", "first"). */
export function readNumber(token: string): number | null {
  const t = token.toLowerCase().replace(/^#/, '');
  const m = /^(\d{1,3})(?:st|nd|rd|th)?$/.exec(t);
  if (m) return Number(m[1]);
  return NUMBER_WORDS[t] ?? null;
}

/**
 * A list of task numbers: "2", "1 and 3", "1,3", "#2 #4", "1-3", "two". Null when the text holds
 * anything that is not part of a number list.
 */
export function readNumberList(text: string): number[] | null {
  const t = text
    .toLowerCase()
    .replace(/\b(?:tasks?|items?|numbers?|no\.?|nos\.?|n°|et|and|&|plus)\b/g, ' ')
    .trim();
  if (t === '') return null;
  const out: number[] = [];
  for (const part of t.split(/[\s,;+]+/).filter(Boolean)) {
    const range = /^#?(\d{1,3})-#?(\d{1,3})$/.exec(part);
    if (range) {
      const a = Number(range[1]);
      const b = Number(range[2]);
      if (b < a || b - a > 50) return null;
      for (let i = a; i <= b; i++) out.push(i);
      continue;
    }
    const n = readNumber(part);
    if (n === null) return null;
    out.push(n);
  }
  return out.length > 0 ? [...new Set(out)] : null;
}

/** Splits a message into its items: lines, bullets, "1. a 2. b", ";" and comma lists ("a, b and c"). */
export function splitItems(text: string): string[] {
  let t = text.trim();
  // Inline numbering "1. taxes 2. call mum 3) gym" becomes lines.
  if (/(^|\s)1[.)]\s*\S/.test(t) && /\s2[.)]\s*\S/.test(t)) t = t.replace(/(^|\s)\d{1,2}[.)]\s*/g, '\n');
  const lines = t
    .split(/\n|;|\s+[-•*]\s+(?=\S)/)
    .map((l) => l.replace(/^\s*(?:[-•*·>]|\d{1,2}[.)]|\[ ?\])\s*/, '').trim())
    .filter((l) => l.length > 0);
  const out: string[] = [];
  for (const line of lines) out.push(...splitCommaList(line));
  return out.map(tidyTitle).filter((l) => l.length > 0);
}

// Verbs that start a task: they tell "buy milk, eggs and bread" (one verb, three things) from
// "call mum and book the dentist" (two tasks).
const VERBS = new Set(
  (
    'add answer apply ask back bake book buy call cancel change charge check clean clear cook copy email ' +
    'feed file find finish fix get give go grab hang iron learn make meet move mow order organise organize ' +
    'pack paint pay phone pick plan post prep prepare print put read renew reply return review schedule ' +
    'send set sign sort start study submit take text tidy update vacuum visit wash water write walk wipe ' +
    'drop collect fill register research practice practise run go sweep mop empty unload load fold dust ' +
    'message ping remind finish draft edit call book test acheter appeler envoyer faire payer prendre ranger ' +
    // French imperatives people text to themselves ("plus tard appelle maman").
    'appelle rappelle envoie achete achète paie prends fais range sors ecris écris note reserve réserve ' +
    'verifie vérifie commande reponds réponds passe vide lave nettoie prepare prépare finis imprime poste rends'
  ).split(' '),
);

export function startsWithVerb(item: string): boolean {
  const first = words(item)[0];
  return first !== undefined && VERBS.has(first);
}

const ONE_THOUGHT =
  /^(?:the ones?|that one|this one|eventually|at some point|sometime|someday|asap|please|pls|lol|ugh|un jour|stp|svp|which|who|whose|where|because|since|so|but|for|like|maybe|probably|ideally|if|it|it's|its|she|he|they|she's|he's|they're|we|i|le|la|les|un|une|celle|celui|ceux|celles|qui|que|parce|car|pour|comme|peut-[eê]tre|si|il|elle|ils|elles|c'est|ça|ca|mais)\b/i;

function splitCommaList(line: string): string[] {
  const hasComma = /,/.test(line);
  let parts: string[];
  if (hasComma) {
    // eslint-disable-next-line regexp/no-super-linear-backtracking -- polynomial at worst, on a message capped at MESSAGE_BODY_MAX (brain/redos.spec.ts times the worst inputs)
    parts = line.split(/\s*,\s*(?:and\s+|&\s+|et\s+)?|\s+(?:and|&|et)\s+(?=[^,]*$)/i);
  } else {
    const halves = line.split(/\s+(?:and|&|then|et)\s+/i);
    // Without commas, "and" splits only between two tasks that each start with a verb.
    parts = halves.length > 1 && halves.every(startsWithVerb) ? halves : [line];
  }
  parts = parts.map((p) => p.trim()).filter(Boolean);
  if (parts.length < 2) return parts;
  // "buy a card for Mia, the one with cats", "call mum, she's been asking": one thought.
  if (hasComma && parts.slice(1).some((p) => ONE_THOUGHT.test(p)) && !parts.slice(1).some(startsWithVerb))
    return [line.trim()];
  // "buy milk, eggs and bread": carry the verb over to the short items that have none — only in a
  // list of things after one verb ("write intro, reply to Sam, laundry" is a list of tasks).
  const first = parts[0] ?? '';
  const verb = startsWithVerb(first) ? (first.split(/\s+/)[0] ?? '') : '';
  if (verb === '' || parts.slice(1).some(startsWithVerb)) return parts;
  return parts.map((p, i) =>
    i > 0 && !startsWithVerb(p) && p.split(/\s+/).length <= 3 ? `${verb} ${p}` : p,
  );
}

/** Edit distance, capped (only small typos matter). */
export function editDistance(a: string, b: string): number {
  if (Math.abs(a.length - b.length) > 2) return 3;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      cur.push(Math.min((prev[j] ?? 0) + 1, (cur[j - 1] ?? 0) + 1, (prev[j - 1] ?? 0) + cost));
    }
    prev = cur;
  }
  return prev[b.length] ?? 3;
}

const STOP_WORDS = new Set(
  'the a an my to of for on at in with and about that this it is le la les de du des un une mon ma mes'.split(
    ' ',
  ),
);

function tokenMatches(q: string, t: string): boolean {
  if (q === t) return true;
  if (q.length >= 4 && t.startsWith(q)) return true;
  if (q.length >= 4 && q.startsWith(t) && t.length >= 4) return true;
  // "dentst" ~ "dentist", "laundy" ~ "laundry": one typo in a longer word.
  return q.length >= 5 && t.length >= 5 && editDistance(q, t) <= 1;
}

/** How well a query names a title, 0..1 (share of the query's words found in the title). */
export function matchScore(query: string, title: string): number {
  const q = words(query).filter((w) => !STOP_WORDS.has(w));
  const t = words(title);
  if (q.length === 0) return 0;
  const hits = q.filter((w) => t.some((tw) => tokenMatches(w, tw))).length;
  return hits / q.length;
}

/** Items whose title the query names best (all ties), or [] when none really matches. */
export function bestMatches<T>(query: string, items: T[], titleOf: (item: T) => string): T[] {
  const scored = items.map((item) => ({ item, score: matchScore(query, titleOf(item)) }));
  const best = Math.max(0, ...scored.map((s) => s.score));
  if (best < 0.5) return [];
  // An exact title wins over titles that merely contain the words.
  const exact = items.filter((i) => words(titleOf(i)).join(' ') === words(query).join(' '));
  if (exact.length === 1) return exact;
  return scored.filter((s) => s.score === best).map((s) => s.item);
}
