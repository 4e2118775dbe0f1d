/** Published when a person's role or account status changes: checks on every instance re-read it. */
export interface AccessChangedPayload {
  userId: string;
}

declare module '@pa/server-core' {
  interface Topics {
    accessChanged: AccessChangedPayload;
  }
}
