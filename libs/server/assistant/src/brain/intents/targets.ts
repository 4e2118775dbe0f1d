// Which tasks (or reminders) a message points at: by number ("2", "1 and 3", "1-3") or by words
// ("dentist", with small typos). Several equally good matches are reported, never guessed.
import { bestMatches, readNumberList, words } from '../text';
import { trimEndChars } from '@pa/shared-domain';

export interface Targets<T> {
  found: T[];
  /** Numbers past the end of the list. */
  missingNumbers: number[];
  /** A phrase that fits several items equally well. */
  ambiguous: { query: string; items: T[] } | null;
  /** Phrases that fit nothing. */
  notFound: string[];
  byNumber: boolean;
}

const FILLER_HEAD = /^(?:the|my|a|an|task|item|number|no\.?|le|la|les|l'|la tâche|ma|mon)\s+/i;
const FILLER_TAIL = /\s+(?:one|task|thing|item|bit|now|already|too|as well|today|please|pls)$/i;

/** The phrase without "the ... one" around it. */
export function trimTarget(target: string): string {
  let t = trimEndChars(target.trim(), /[?!.]/);
  for (let i = 0; i < 3; i++) {
    const next = t.replace(FILLER_HEAD, '').replace(FILLER_TAIL, '').trim();
    if (next === t) break;
    t = next;
  }
  return t;
}

/** Resolves a target phrase against a numbered list. */
export function findTargets<T>(target: string, items: T[], titleOf: (item: T) => string): Targets<T> {
  const out: Targets<T> = { found: [], missingNumbers: [], ambiguous: null, notFound: [], byNumber: false };
  const t = trimTarget(target);
  const numbers = readNumberList(t);
  if (numbers) {
    out.byNumber = true;
    for (const n of numbers) {
      const item = items[n - 1];
      if (n >= 1 && item !== undefined) out.found.push(item);
      else out.missingNumbers.push(n);
    }
    return out;
  }
  // "milk and rent": when each part names exactly one item, those are the targets; otherwise the
  // whole phrase ("milk and eggs" may be one title) and then its parts.
  const parts = t.split(/\s*(?:,|\band\b|&|\bet\b)\s*/i).filter((p) => words(p).length > 0);
  if (parts.length >= 2) {
    const each = parts.map((p) => bestMatches(trimTarget(p), items, titleOf));
    if (each.every((m) => m.length === 1)) {
      out.found = [...new Set(each.map((m) => m[0] as T))];
      return out;
    }
  }
  const whole = bestMatches(t, items, titleOf);
  const queries = whole.length > 0 || parts.length < 2 ? [t] : parts;
  for (const query of queries) {
    const matches = query === t ? whole : bestMatches(trimTarget(query), items, titleOf);
    if (matches.length === 1 && matches[0] !== undefined) out.found.push(matches[0]);
    else if (matches.length > 1 && !out.ambiguous) out.ambiguous = { query, items: matches };
    else if (matches.length === 0) out.notFound.push(query);
  }
  out.found = [...new Set(out.found)];
  return out;
}
