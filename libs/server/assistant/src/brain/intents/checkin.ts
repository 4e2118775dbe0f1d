// The morning check-in: the question, and turning the answer ("1. taxes 2. call mum 3. gym") into tasks.
import type { BrainAction, BrainContext, BrainReply } from '../brain.types';
import type { Input } from '../input';
import { byTone, clip, fitLines, plural } from '../replies';
import { done } from '../respond';
import { readNumberList, splitItems } from '../text';

const SKIP =
  /^(?:skip|nothing|none|nope|no|not today|pass|rest day|day off|nothing today|no thanks|later|rien|non|pas aujourd'hui)$/i;
const ANSWER_LEAD =
  /^(?:(?:my |today'?s )?(?:top (?:three|3|two|2|one|1)|priorities|plan)(?: for today)?(?: (?:is|are))?|today(?: i'?ll| i will| i want to)?|i'?ll|i will|i want to)\s*[:-]?\s*/i;

const LEAD_IN = /\b(?:things?|today|priorit\w*|top|focus|plan|list|goals?)\b/i;

/** The morning question, short and warm; 'direct' says it in fewer words; French for `fr`. */
export function checkInPrompt(
  ctx: Pick<BrainContext, 'tone' | 'maxReplyChars' | 'openTasks' | 'locale'>,
): string {
  const fr = ctx.locale === 'fr';
  let text = fr
    ? byTone(
        ctx,
        "Bonjour ! C'est quoi tes trois priorités pour aujourd'hui ? Même une seule, c'est déjà gagné.",
        'Bonjour. Tes trois priorités du jour ?',
      )
    : byTone(
        ctx,
        'Good morning! What are your top three for today? Even one is a win.',
        'Morning. Top three for today?',
      );
  const n = ctx.openTasks.length;
  const hint = fr
    ? ` (${n} ${n > 1 ? 'tâches en cours' : 'tâche en cours'} - dis « liste » pour les voir.)`
    : ` (${plural(n, 'open task')} - say 'list' to see them.)`;
  if (n > 0 && ctx.tone === 'gentle' && text.length + hint.length <= ctx.maxReplyChars) text += hint;
  return clip(text, ctx.maxReplyChars);
}

const CLEAR: BrainAction = { type: 'setPending', pending: null };

/** The answer to the check-in: new tasks (three suggested, all accepted) or picks from the list. */
export function handleCheckinAnswer(input: Input, ctx: BrainContext): BrainReply {
  if (SKIP.test(input.norm)) {
    return done(
      ctx,
      'checkin_answer',
      byTone(ctx, "No problem - rest counts too. I'm here if anything comes up.", 'OK, skipped.'),
      [CLEAR],
    );
  }
  // "2 and 4": picks from the open list, nothing new to create.
  const picks = readNumberList(input.norm);
  if (picks && picks.every((n) => n >= 1 && n <= ctx.openTasks.length)) {
    const titles = picks.map((n) => ctx.openTasks[n - 1]?.title ?? '');
    const text = fitLines(
      byTone(ctx, "Great - today's focus:", 'Today:'),
      titles.map((t, i) => `${i + 1}. ${clip(t, 50)}`),
      ctx.maxReplyChars,
    );
    return done(ctx, 'checkin_answer', text, [CLEAR]);
  }
  // A short lead-in before a colon ("only one thing: …", "today:") is not an item.
  const body = input.text
    .replace(ANSWER_LEAD, '')
    .replace(/^(?:[^\n:,;]{1,30}?):\s*(?=\S)/, (lead) =>
      LEAD_IN.test(lead) && lead.split(/\s+/).length <= 5 ? '' : lead,
    );
  // In a check-in answer "and"/"then" separate items: "taxes and gym" is two things.
  const listy = /[\n,;]|(?:^|\s)\d[.)]/.test(body)
    ? body
    : body.replace(/\s+(?:and|then|&|et|puis|plus)\s+/gi, ', ');
  const titles = splitItems(listy);
  if (titles.length === 0) return done(ctx, 'checkin_answer', 'No problem.', [CLEAR]);
  const head = byTone(
    ctx,
    titles.length > 3 ? `Added all ${titles.length}:` : "Love it. Today's top:",
    'Added:',
  );
  const footer = byTone(
    ctx,
    titles.length > 3 ? 'Maybe start with the first three.' : 'Start with #1 when ready.',
    '',
  );
  const text = fitLines(
    head,
    titles.map((t, i) => `${i + 1}. ${clip(t, 50)}`),
    ctx.maxReplyChars,
    footer,
  );
  return done(ctx, 'checkin_answer', text, [{ type: 'createTasks', titles }, CLEAR]);
}
