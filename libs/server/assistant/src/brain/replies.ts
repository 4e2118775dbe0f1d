// How replies are worded and fitted: short, warm, never shaming; 'direct' says less, 'gentle' adds a
// little encouragement when there is room. Everything ends in `fit`, so no reply is ever too long.
import type { BrainContext } from './brain.types';
import { trimEndChars } from '@pa/shared-domain';

/** Words a reply must never contain (checked by the specs): no blame, no guilt. */
export const SHAMING_WORDS = [
  'forgot',
  'forget to',
  'failed',
  'fail',
  'lazy',
  'should have',
  "should've",
  'overdue',
  'behind',
  'again?',
  'procrastinat',
  'disappoint',
] as const;

const ELLIPSIS = '…';

/** Cuts a text to `max` characters, at a word boundary when one is close, ending with "…". */
export function clip(text: string, max: number): string {
  if (text.length <= max) return text;
  if (max <= 1) return text.slice(0, Math.max(0, max));
  const room = text.slice(0, max - 1);
  // The cut falls on a word boundary already, or at the last space if that keeps most of the text.
  const atBoundary = /\s/.test(text.charAt(max - 1));
  const space = Math.max(room.lastIndexOf(' '), room.lastIndexOf('\n'));
  const cut = atBoundary || space < Math.floor(max * 0.6) ? room : room.slice(0, space);
  return `${trimEndChars(cut, /[\s,;:.-]/)}${ELLIPSIS}`;
}

/** A title inside a sentence: quoted and shortened so one long title cannot eat the reply. */
export function q(title: string, max = 40): string {
  return `"${clip(title, max)}"`;
}

/** The gentle or the direct wording. */
export function byTone(ctx: Pick<BrainContext, 'tone'>, gentle: string, direct: string): string {
  return ctx.tone === 'direct' ? direct : gentle;
}

/** Appends a short encouragement for the gentle tone, only when it still fits. */
export function encourage(
  ctx: Pick<BrainContext, 'tone' | 'maxReplyChars'>,
  text: string,
  extra: string,
): string {
  if (ctx.tone === 'direct') return text;
  const joined = `${text} ${extra}`;
  return joined.length <= ctx.maxReplyChars ? joined : text;
}

/**
 * A header, then as many lines as fit, then "+N more" when some had to go, then an optional footer
 * when it still fits. The last resort is `clip`.
 */
export function fitLines(head: string, lines: string[], max: number, footer = ''): string {
  const kept: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    const rest = lines.length - i - 1;
    const more = rest > 0 ? `\n+${rest} more` : '';
    const candidate = [head, ...kept, lines[i]].join('\n');
    if ((candidate + more).length > max) break;
    kept.push(lines[i] ?? '');
  }
  const dropped = lines.length - kept.length;
  let text = [head, ...kept].join('\n');
  if (dropped > 0) text += `\n+${dropped} more`;
  if (footer && `${text}\n${footer}`.length <= max) text += `\n${footer}`;
  return clip(text, max);
}

/** "a, b and c". */
export function joinAnd(items: string[]): string {
  if (items.length <= 1) return items[0] ?? '';
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

/** Titles quoted and joined, as many as fit in `max`, then "+N more". */
export function titlesInline(titles: string[], max: number): string {
  const quoted = titles.map((t) => q(t, 30));
  for (let n = quoted.length; n > 0; n--) {
    const rest = quoted.length - n;
    const shown = quoted.slice(0, n);
    const text = rest > 0 ? `${shown.join(', ')} +${rest} more` : joinAnd(shown);
    if (text.length <= max || n === 1) return text;
  }
  return '';
}

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}
