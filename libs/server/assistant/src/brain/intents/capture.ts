// Capturing: "buy milk", "todo: call the dentist", "add pick up parcel", "buy milk, eggs and bread".
// Anything the brain does not understand is captured too (the kind fallback: never lose the text).
import type { BrainContext, BrainReply } from '../brain.types';
import { byTone, plural, q, titlesInline } from '../replies';
import { done } from '../respond';
import { splitItems, tidyTitle, words } from '../text';

export const CAPTURE_RE =
  // eslint-disable-next-line regexp/no-super-linear-backtracking -- polynomial at worst, on a message capped at MESSAGE_BODY_MAX (brain/redos.spec.ts times the worst inputs)
  /^(?:to-?do|task|add|new task|capture|note to self|note|jot(?: down)?|put|ajoute|ajouter|[àa] faire|idea|remember to)\b\s*(?:[:-]\s*)?(.*)$/is;

// Said before a task, adds nothing to it: "I need to call the bank" is the task "call the bank".
const TASK_LEAD =
  /^(?:i (?:need|have|want|ought|got) to|i gotta|i should|i must|i still need to|need to|have to|gotta|must|don'?t (?:let me )?forget to|dont forget to|also|and|oh and|il faut que je|je dois)\s+/i;
const LIST_TAIL = /\s+(?:to|on|onto|in)\s+(?:my|the)\s+(?:to-?do\s+)?(?:list|to-?dos?|tasks)$/i;

const QUESTION_LEAD =
  /^(?:what|why|how|who|where|when|which|can|could|would|will|is|are|am|do|does|did|should|shall|may|was|were|i feel|i'?m|im|i am|ugh|argh|omg|wtf|lol|idk|hmm+|est-ce|pourquoi|comment|quoi|je suis)\b/i;

/** Whether a bare message reads like a task ("call the bank") rather than a question or a feeling. */
export function looksLikeTask(text: string): boolean {
  const t = text.trim();
  if (/\?\s*$/.test(t)) return false;
  if (QUESTION_LEAD.test(t)) return false;
  const n = words(t).length;
  return n > 0 && n <= 12 && t.length <= 140;
}

/** The reply for tasks added. */
export function added(ctx: BrainContext, titles: string[]): string {
  if (titles.length === 1)
    return byTone(ctx, `Added ${q(titles[0] ?? '', 60)} to your list.`, `Added: ${q(titles[0] ?? '', 60)}.`);
  const list = titlesInline(titles, ctx.maxReplyChars - 30);
  return byTone(ctx, `Added ${plural(titles.length, 'task')}: ${list}.`, `Added ${titles.length}: ${list}.`);
}

/** Explicit or bare capture of one or more tasks. */
export function handleCapture(ctx: BrainContext, body: string): BrainReply {
  const text = body.replace(TASK_LEAD, '').replace(LIST_TAIL, '').trim();
  const titles = splitItems(text).map((t) => tidyTitle(t.replace(TASK_LEAD, '')));
  if (titles.length === 0) {
    return done(
      ctx,
      'clarify',
      byTone(ctx, "Sure - what should I add? E.g. 'add call the dentist'.", 'Add what?'),
    );
  }
  let reply = added(ctx, titles);
  if (titles.length > 1 && ctx.tone === 'gentle' && reply.length + 25 <= ctx.maxReplyChars)
    reply += ' One at a time is fine.';
  return done(ctx, 'capture', reply, [{ type: 'createTasks', titles }]);
}

/** The kind fallback: keep the whole message as one task and say so. */
export function handleFallback(ctx: BrainContext, text: string): BrainReply {
  const title = tidyTitle(text.replace(/\s+/g, ' ').trim());
  const reply = byTone(
    ctx,
    `Not sure what you meant, so I saved it to your list so it's not lost: ${q(title, 50)}. Say 'help' for ideas.`,
    `Saved to your list: ${q(title, 50)}. Say 'help' for commands.`,
  );
  return done(ctx, 'fallback', reply, [{ type: 'createTasks', titles: [title] }]);
}
