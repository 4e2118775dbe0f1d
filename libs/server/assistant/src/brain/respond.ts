// Building replies: every reply passes through `done` so it fits the length limit; `ask` is the one
// way to ask back (a clarify pending state with numbered options).
import type {
  BrainAction,
  BrainContext,
  BrainReply,
  ClarifyOption,
  Intent,
  PendingState,
} from './brain.types';
import { clip, fitLines } from './replies';

/** A reply, clipped to the context's length limit. */
export function done(
  ctx: BrainContext,
  intent: Intent,
  text: string,
  actions: BrainAction[] = [],
): BrainReply {
  return { intent, text: clip(text, ctx.maxReplyChars), actions };
}

/** Asks back: the question, the options numbered 1..n, and a pending state that remembers them. */
export function ask(
  ctx: BrainContext,
  question: string,
  options: ClarifyOption[],
  extra: { expects?: 'reminderText'; footer?: string; showOptions?: boolean; keptTask?: string } = {},
): BrainReply {
  const pending: PendingState = { kind: 'clarify', question, options };
  if (extra.expects) pending.expects = extra.expects;
  if (extra.keptTask) pending.keptTask = extra.keptTask;
  const lines = extra.showOptions === false ? [] : options.map((o, i) => `${i + 1}) ${o.label}`);
  const text = fitLines(question, lines, ctx.maxReplyChars, extra.footer ?? '');
  return { intent: 'clarify', text, actions: [{ type: 'setPending', pending }] };
}

/** The intent a chosen action stands for (when a clarify answer runs it). */
export function intentOf(action: BrainAction): Intent {
  switch (action.type) {
    case 'createTasks':
      return 'capture';
    case 'completeTasks':
      return 'done';
    case 'reopenTasks':
      return 'undo';
    case 'deleteTasks':
      return 'delete';
    case 'createReminder':
      return 'remind';
    case 'snoozeReminder':
      return 'snooze';
    case 'cancelReminder':
      return 'cancel_reminder';
    case 'updateReminder':
      return 'edit_reminder';
    case 'createAppointment':
      return 'appointment';
    case 'breakdown':
      return 'breakdown';
    case 'startFocus':
      return 'focus';
    case 'setPending':
      return 'clarify';
  }
}
