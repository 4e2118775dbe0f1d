/**
 * Payload of `account.erase`: erase every account whose grace period is over. It names nobody (a
 * kept, finished job must not outlive the person it erased); `dueAt` only makes the job id unique.
 */
export interface AccountErasePayload {
  dueAt: string;
}

declare module '@pa/server-jobs' {
  interface JobPayloads {
    'account.erase': AccountErasePayload;
  }
}
