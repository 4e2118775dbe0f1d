/** Published after a person's tasks or reminders change (by the assistant, the API or a job). */
export interface TodayChangedPayload {
  userId: string;
  /** What changed, for clients that only refresh one list. */
  what: 'tasks' | 'reminders';
}

declare module '@pa/server-core' {
  interface Topics {
    todayChanged: TodayChangedPayload;
  }
}
