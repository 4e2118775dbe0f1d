import type { JobQueue } from '@pa/server-jobs';
import type { PersonIdentifiers } from '../admin/account-deletion';

/**
 * Every queue whose jobs can name a person (their id in the job id or payload, their address in a
 * mail). A new job kind that carries a user id belongs here; the erasure test finds it otherwise.
 */
export const PERSONAL_JOB_QUEUES = [
  'email.send',
  'assistant.reply',
  'checkin.fire',
  'checkin.followup',
  'reminder.fire',
  'reminder.escalate',
  'push.send',
  'sms.send',
  'account.erase',
  'export.build',
  // A delivery carries the person's id and the event's data (a message's text).
  'webhook.deliver',
] as const;

/**
 * An after-deletion hook: the person's queued and finished jobs go too. The account is already gone,
 * so a busy job store is retried a few times (1 s, 2 s, 4 s) rather than leaving jobs behind.
 */
export function forgetQueuedJobs(jobs: JobQueue, attempts = 4) {
  return async (userId: string, who: PersonIdentifiers): Promise<void> => {
    for (let attempt = 1; ; attempt += 1) {
      try {
        await jobs.forget(PERSONAL_JOB_QUEUES, [userId, who.email, ...who.phones]);
        return;
      } catch (err) {
        if (attempt >= attempts) throw err;
        await new Promise((r) => setTimeout(r, 1000 * 2 ** (attempt - 1)));
      }
    }
  };
}
