// The contract between the brain (pure: message + context → reply + actions) and the services that
// apply its actions. Nothing here touches the database; dates are real Date instants (UTC).
import { DEFAULT_DAY_RULE_VALUES, type DayRuleValues } from '@pa/shared-domain';

export type Weekday = 1 | 2 | 3 | 4 | 5 | 6 | 7;

export type Recurrence = {
  kind: 'daily' | 'weekdays' | 'weekly';
  /** Local wall-clock "HH:MM" in the person's time zone. */
  time: string;
  /** 1=Mon..7=Sun, for weekly. */
  weekdays?: number[];
};

export type ClarifyOption = { label: string; action: BrainAction };

export type PendingState =
  /** We asked "what are your top three for today?". */
  | { kind: 'checkin' }
  /**
   * We asked back. `expects: 'reminderText'` (an addition to the first draft) means the next
   * free-text answer fills the `text` of options[0].action (a createReminder with empty text).
   * `keptTask` (an addition): the title of the task kept when we asked which time, so nothing is lost
   * if the question goes unanswered; the answer turns that task into the reminder (no duplicate).
   */
  | {
      kind: 'clarify';
      question: string;
      options: ClarifyOption[];
      expects?: 'reminderText';
      keptTask?: string;
    };

/** Open tasks come in display order; the numbering shown to the person is 1-based in this order. */
export interface BrainTask {
  id: string;
  title: string;
  doneAt: Date | null;
  /** When it was captured (the oldest small task is a "what now?" candidate). */
  createdAt?: Date;
  /** Its deadline, if one was said ("by Friday"). */
  dueAt?: Date | null;
}

/** The language replies are written in (the person's `locale` preference). */
export type Locale = 'en' | 'fr';

/**
 * The person's day, which vague times are read against ("first thing", "after lunch", "tonight"),
 * and how long before an appointment its reminder rings. Local "HH:MM".
 */
export type DayRules = DayRuleValues;

/** Defaults when the person has not said: documented in docs/assistant-language.md. */
export const DEFAULT_DAY_RULES: DayRules = DEFAULT_DAY_RULE_VALUES;

/** The task being worked on: the open task with steps touched last, its steps in order. */
export interface CurrentTask {
  id: string;
  title: string;
  steps: { id: string; title: string; doneAt: Date | null }[];
}

/** What the assistant made last in this conversation (the target of "no, make it 8", "delete that"). */
export type LastCreated = { kind: 'reminder'; id: string } | { kind: 'task'; id: string };

export interface BrainReminder {
  id: string;
  text: string;
  dueAt: Date;
  recurrence: Recurrence | null;
}

export interface BrainContext {
  /** Injected clock. */
  now: Date;
  /** IANA zone, e.g. 'Europe/Paris'. */
  timeZone: string;
  tone: 'gentle' | 'direct';
  /** The reply must fit (e.g. 160 for one SMS). */
  maxReplyChars: number;
  /** Not done, in display order. */
  openTasks: BrainTask[];
  /** Last few completed, most recent first (target of "undo"). */
  recentlyDone: BrainTask[];
  /** Scheduled, soonest first. */
  upcomingReminders: BrainReminder[];
  /** The reminder that fired most recently (target of "snooze" and of a bare "done"). */
  lastDeliveredReminder: BrainReminder | null;
  pending: PendingState | null;
  /** Reply language; 'en' when absent. */
  locale?: Locale;
  /** Vague-time rules; DEFAULT_DAY_RULES when absent. */
  dayRules?: DayRules;
  /** The person's role grants `assistant:advanced:own` (premium): the model path may answer. */
  advanced?: boolean;
  /** The reminder or task made last, within the last hour. */
  lastCreated?: LastCreated | null;
  /** The task being worked on (target of "I did the first one"); none when no open task has open steps. */
  currentTask?: CurrentTask | null;
}

export type BrainAction =
  /** `dueAt`: a deadline said with the task ("by Friday"), kept out of the title. */
  | { type: 'createTasks'; titles: string[]; dueAt?: Date }
  | { type: 'completeTasks'; taskIds: string[] }
  | { type: 'reopenTasks'; taskIds: string[] }
  | { type: 'deleteTasks'; taskIds: string[] }
  | { type: 'createReminder'; text: string; dueAt: Date; recurrence: Recurrence | null }
  | { type: 'snoozeReminder'; reminderId: string; until: Date }
  | { type: 'cancelReminder'; reminderId: string }
  /** A correction in words: a new time and/or a new text for an existing reminder. */
  | { type: 'updateReminder'; reminderId: string; dueAt?: Date; text?: string }
  /** "vet thursday 11am": the appointment itself and a reminder `remindAt`, before it. */
  | { type: 'createAppointment'; title: string; startsAt: Date; remindAt: Date }
  /** A parent task with ordered sub-steps; `taskId` (an addition) when it breaks down an open task. */
  | { type: 'breakdown'; title: string; steps: string[]; taskId?: string }
  | { type: 'startFocus'; minutes: number; endsAt: Date }
  | { type: 'setPending'; pending: PendingState | null };

export type Intent =
  | 'capture'
  | 'list'
  | 'done'
  | 'undo'
  | 'delete'
  | 'remind'
  | 'snooze'
  | 'cancel_reminder'
  | 'list_reminders'
  | 'breakdown'
  | 'focus'
  | 'checkin_answer'
  | 'help'
  | 'greeting'
  | 'clarify'
  | 'edit_reminder'
  | 'appointment'
  | 'question'
  | 'feeling'
  | 'multi'
  | 'fallback';

export const INTENTS: readonly Intent[] = [
  'capture',
  'list',
  'done',
  'undo',
  'delete',
  'remind',
  'snooze',
  'cancel_reminder',
  'list_reminders',
  'breakdown',
  'focus',
  'checkin_answer',
  'help',
  'greeting',
  'clarify',
  'edit_reminder',
  'appointment',
  'question',
  'feeling',
  'multi',
  'fallback',
];

export interface BrainReply {
  text: string;
  actions: BrainAction[];
  intent: Intent;
}

export interface AssistantBrain {
  readonly name: string;
  reply(message: string, ctx: BrainContext): Promise<BrainReply>;
}

/** Focus sessions the brain accepts, in minutes. */
export const FOCUS_MINUTES = { min: 1, max: 180, pomodoro: 25 } as const;
/** "snooze" / "later" without a duration. */
export const DEFAULT_SNOOZE_MINUTES = 15;
/** Local times the parts of the day stand for. */
export const PARTS_OF_DAY = {
  morning: '09:00',
  afternoon: '14:00',
  evening: '19:00',
  tonight: '20:00',
} as const;
