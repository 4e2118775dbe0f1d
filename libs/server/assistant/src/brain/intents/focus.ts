// "focus 25", "focus for 45 minutes", "pomodoro": a focus timer of 1–180 minutes.
import { FOCUS_MINUTES } from '../brain.types';
import type { BrainAction, BrainContext, BrainReply } from '../brain.types';
import { byTone } from '../replies';
import { ask, done } from '../respond';
import { formatTime } from '../time';

export const FOCUS_RE =
  // eslint-disable-next-line regexp/no-super-linear-backtracking -- polynomial at worst, on a message capped at MESSAGE_BODY_MAX (brain/redos.spec.ts times the worst inputs)
  /^(?:(?:start\s+(?:a\s+)?)?(?:focus(?:\s+(?:mode|session|time|timer))?|pomodoro|pomo|deep work|timer|concentration)|(?:set|start)\s+(?:a\s+)?(?:focus\s+)?timer|(?:let'?s|let me|time to)\s+focus|(?:start\s+(?:a\s+)?)?(\d{1,3})[\s-]*(?:min(?:ute)?s?|m)\s+(?:focus|pomodoro|timer|of focus|focus session)(?:\s+(?:session|timer))?)\b\s*(.*)$/i;

const MINUTE = 60_000;

/** Minutes in "25", "for 45 minutes", "1h", "an hour", "on taxes for 30 min"; null when none is given. */
export function focusMinutes(rest: string): number | null {
  const r = rest.trim().toLowerCase();
  if (r === '') return null;
  const bare = /^(?:for\s+)?(\d{1,4})$/.exec(r);
  if (bare) return Number(bare[1]);
  const m = /(?:^|\s)(\d+(?:[.,]\d+)?|an?|one|half an?)\s*(m|mn|min|mins|minutes?|h|hrs?|hours?)\b/.exec(r);
  if (!m) return null;
  const amountText = m[1] ?? '';
  const amount = /^(?:an?|one)$/.test(amountText)
    ? 1
    : amountText.startsWith('half')
      ? 0.5
      : Number(amountText.replace(',', '.'));
  return Math.round((m[2] ?? '').startsWith('h') ? amount * 60 : amount);
}

function focusAction(ctx: BrainContext, minutes: number): BrainAction {
  return { type: 'startFocus', minutes, endsAt: new Date(ctx.now.getTime() + minutes * MINUTE) };
}

/** Starts a focus timer, or asks for a length in range. */
export function handleFocus(
  ctx: BrainContext,
  leading: string | undefined,
  rest: string,
  pomodoro: boolean,
): BrainReply {
  const parsed = leading ? Number(leading) : focusMinutes(rest);
  const minutes = parsed ?? FOCUS_MINUTES.pomodoro;
  if (!Number.isFinite(minutes) || minutes < FOCUS_MINUTES.min || minutes > FOCUS_MINUTES.max) {
    return ask(
      ctx,
      `I can time ${FOCUS_MINUTES.min}-${FOCUS_MINUTES.max} minutes. How long?`,
      [25, 50, 90].map((m) => ({ label: `${m} min`, action: focusAction(ctx, m) })),
    );
  }
  const action = focusAction(ctx, minutes);
  const end = formatTime(action.type === 'startFocus' ? action.endsAt : ctx.now, ctx.timeZone);
  const kind = pomodoro && parsed === null ? 'Pomodoro' : 'Focus';
  const text = byTone(
    ctx,
    `${kind} on: ${minutes} min, until ${end}. One thing at a time - I'll check in then.`,
    `${kind}: ${minutes} min, until ${end}.`,
  );
  return done(ctx, 'focus', text, [action]);
}
