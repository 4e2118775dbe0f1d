// An optional brain backed by any OpenAI-compatible chat endpoint (OpenAI, llama.cpp, vLLM, Ollama…).
// It never stands alone: any failure — network, HTTP error, timeout, invalid JSON, nothing usable —
// returns the fallback brain's reply, so the person always gets an answer.
import type { AssistantBrain, BrainContext, BrainReply } from '../brain.types';
import { FOCUS_MINUTES, INTENTS } from '../brain.types';
import { formatLocal, toLocal } from '../time';
import { parseLlmContent } from './llm-output';

export interface OpenAiCompatibleBrainOptions {
  /** e.g. "https://api.openai.com/v1" or "http://127.0.0.1:8080/v1" (no trailing /chat/completions). */
  baseUrl: string;
  apiKey?: string;
  model: string;
  /** The whole request, body included, is aborted after this. */
  timeoutMs: number;
  fallback: AssistantBrain;
  fetch?: typeof fetch;
}

const SYSTEM_PROMPT = `You are the brain of a kind assistant for people with ADHD who text you (SMS or web chat).
Answer ONLY with one JSON object: {"text": string, "intent": string, "actions": Action[]}.
"text": a short, warm reply (never shaming: no "you forgot", "you failed"); at most maxReplyChars characters.
"intent": one of ${INTENTS.join(', ')}.
Action is one of:
{"type":"createTasks","titles":[string]}
{"type":"completeTasks","taskIds":[id]} | {"type":"reopenTasks","taskIds":[id]} | {"type":"deleteTasks","taskIds":[id]}
{"type":"createReminder","text":string,"dueAt":ISO-8601 instant with offset,"recurrence":null|{"kind":"daily"|"weekdays"|"weekly","time":"HH:MM" local,"weekdays":[1-7, Monday=1] for weekly}}
{"type":"snoozeReminder","reminderId":id,"until":ISO-8601}
{"type":"cancelReminder","reminderId":id}
{"type":"updateReminder","reminderId":id,"dueAt"?:ISO-8601,"text"?:string} (a correction: "no, make it 8", "push it back 30 min")
{"type":"createAppointment","title":string,"startsAt":ISO-8601,"remindAt":ISO-8601 (before startsAt)}
{"type":"breakdown","title":string,"steps":[3-7 small steps, the first one taking two minutes]}
{"type":"startFocus","minutes":${FOCUS_MINUTES.min}-${FOCUS_MINUTES.max}}
{"type":"setPending","pending":null|{"kind":"clarify","question":string,"options":[{"label":string,"action":Action}]}}
Use only ids from the context. Times are in the person's time zone; "morning" is 09:00, "afternoon" 14:00,
"evening" 19:00, "tonight" 20:00. If unsure what they mean, ask back with a clarify setPending instead of guessing.
Anything you cannot map to an action: capture it with createTasks so nothing is lost, and say so.`;

/** What the model needs to know, small enough to send on every message. */
export function compactContext(ctx: BrainContext): Record<string, unknown> {
  const local = toLocal(ctx.now, ctx.timeZone);
  return {
    now: ctx.now.toISOString(),
    localNow: `${local.toFormat('cccc yyyy-LL-dd HH:mm')} (${ctx.timeZone}, UTC${local.toFormat('ZZ')})`,
    tone: ctx.tone,
    maxReplyChars: ctx.maxReplyChars,
    openTasks: ctx.openTasks.slice(0, 30).map((t, i) => ({ n: i + 1, id: t.id, title: t.title })),
    recentlyDone: ctx.recentlyDone.slice(0, 5).map((t) => ({ id: t.id, title: t.title })),
    upcomingReminders: ctx.upcomingReminders.slice(0, 20).map((r, i) => ({
      n: i + 1,
      id: r.id,
      text: r.text,
      due: formatLocal(r.dueAt, ctx.timeZone, ctx.now),
      recurrence: r.recurrence,
    })),
    lastDeliveredReminder: ctx.lastDeliveredReminder
      ? { id: ctx.lastDeliveredReminder.id, text: ctx.lastDeliveredReminder.text }
      : null,
    pending: ctx.pending,
  };
}

export class OpenAiCompatibleBrain implements AssistantBrain {
  readonly name: string;
  private readonly fetchFn: typeof fetch;

  constructor(private readonly options: OpenAiCompatibleBrainOptions) {
    this.name = `openai-compatible:${options.model}`;
    this.fetchFn = options.fetch ?? fetch;
  }

  async reply(message: string, ctx: BrainContext): Promise<BrainReply> {
    const answer = await this.ask(message, ctx).catch(() => null);
    return answer ?? this.options.fallback.reply(message, ctx);
  }

  /** The model's reply, or null for anything unusable (the caller falls back). */
  private async ask(message: string, ctx: BrainContext): Promise<BrainReply | null> {
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), this.options.timeoutMs);
    try {
      const headers: Record<string, string> = { 'content-type': 'application/json' };
      if (this.options.apiKey) headers['authorization'] = `Bearer ${this.options.apiKey}`;
      const res = await this.fetchFn(`${this.options.baseUrl.replace(/\/+$/, '')}/chat/completions`, {
        method: 'POST',
        headers,
        signal: controller.signal,
        body: JSON.stringify({
          model: this.options.model,
          temperature: 0,
          response_format: { type: 'json_object' },
          messages: [
            { role: 'system', content: SYSTEM_PROMPT },
            { role: 'system', content: `Context: ${JSON.stringify(compactContext(ctx))}` },
            { role: 'user', content: message },
          ],
        }),
      });
      if (!res.ok) return null;
      const data: unknown = await res.json();
      const content = contentOf(data);
      return content === null ? null : parseLlmContent(content, ctx);
    } finally {
      clearTimeout(timer);
    }
  }
}

/** choices[0].message.content of a chat completion, or null. */
function contentOf(data: unknown): string | null {
  if (typeof data !== 'object' || data === null) return null;
  const choices = (data as { choices?: unknown }).choices;
  if (!Array.isArray(choices)) return null;
  const first: unknown = choices[0];
  if (typeof first !== 'object' || first === null) return null;
  const msg = (first as { message?: { content?: unknown } }).message;
  return typeof msg?.content === 'string' ? msg.content : null;
}
