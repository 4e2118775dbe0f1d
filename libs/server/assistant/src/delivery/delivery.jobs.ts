import type { JobWorkers } from '@pa/server-jobs';
import type { ReminderDeliveryService } from './reminder-delivery.service';

/** The worker's escalation processor. */
export function registerReminderDeliveryJobs(workers: JobWorkers, delivery: ReminderDeliveryService): void {
  workers.register('reminder.escalate', (job) => delivery.escalate(job), { concurrency: 8 });
}
