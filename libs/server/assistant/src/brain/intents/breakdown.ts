// "break down clean the kitchen", "help me start the taxes", "I can't start my essay": a parent task
// with 3–7 small steps, the first one two minutes long.
import type { BrainAction, BrainContext, BrainReply } from '../brain.types';
import { byTone, fitLines, q } from '../replies';
import { ask, done } from '../respond';
import { readNumber, tidyTitle } from '../text';
import { stepsFor } from './breakdown-templates';
import { trimEndChars } from '@pa/shared-domain';

export const BREAKDOWN_RE =
  // eslint-disable-next-line regexp/no-super-linear-backtracking -- polynomial at worst, on a message capped at MESSAGE_BODY_MAX (brain/redos.spec.ts times the worst inputs)
  /^(?:break(?:\s+it|\s+this|\s+that)?\s+(?:down|up)|breakdown|split(?:\s+up)?|chunk|help me (?:start(?:ing)?|with|get started(?: on| with)?|begin|do|tackle|break down)|how (?:do|can|should) i (?:start|begin|tackle)|i can'?t (?:start|get started(?: on| with)?|seem to start|begin)|where (?:do|should) i (?:start|begin)(?: with)?|i'?m stuck (?:on|with)|stuck on|i'?m overwhelmed (?:by|with)|overwhelmed by|steps (?:for|to)|first steps? (?:for|of|to)|d[eé]compose|aide[- ]moi (?:à|a))\b\s*:?\s*(.*)$/i;

/** The breakdown action and its reply for a title. */
export function breakdownOf(ctx: BrainContext, title: string, taskId?: string): BrainReply {
  const steps = stepsFor(title);
  const action: BrainAction = { type: 'breakdown', title, steps };
  if (taskId) action.taskId = taskId;
  const head = byTone(ctx, `Let's make ${q(title, 40)} small:`, `${q(title, 40)} in steps:`);
  const lines = steps.map((s, i) => `${i + 1}. ${s}`);
  const footer = byTone(ctx, 'Just step 1 for now - you got this.', '');
  return done(ctx, 'breakdown', fitLines(head, lines, ctx.maxReplyChars, footer), [action]);
}

/** The subject of a breakdown request ("the taxes" → "Taxes", "task 2" → that task's title). */
export function handleBreakdown(ctx: BrainContext, subject: string): BrainReply {
  const s = trimEndChars(subject.trim(), /[?!.]/).replace(/^(?:on|with|to|of|for)\s+/i, '');
  const n = /^(?:task\s+|#|number\s+)?(\w+)$/i.exec(s);
  const index = n ? readNumber(n[1] ?? '') : null;
  if (index !== null) {
    const task = ctx.openTasks[index - 1];
    if (!task)
      return done(
        ctx,
        'breakdown',
        `There's no task ${index} - you have ${ctx.openTasks.length}. Say 'list' to see them.`,
      );
    return breakdownOf(ctx, task.title, task.id);
  }
  const title = tidyTitle(s.replace(/^(?:the|my|this|that|a|an|le|la|les|mon|ma|mes)\s+/i, ''));
  if (title === '' || /^(?:it|this|that|things?|stuff|something)$/i.test(title)) {
    if (ctx.openTasks.length === 0)
      return done(ctx, 'clarify', "Sure - what's the task? E.g. 'break down clean the kitchen'.");
    const options = ctx.openTasks.slice(0, 4).map((t) => {
      const action = breakdownOf(ctx, t.title, t.id).actions[0] as BrainAction;
      return { label: t.title, action };
    });
    return ask(ctx, 'Which one should we break down?', options);
  }
  // An open task with the same words: break that one down rather than a copy.
  const same = ctx.openTasks.find((t) => t.title.toLowerCase() === title.toLowerCase());
  return breakdownOf(ctx, title, same?.id);
}
