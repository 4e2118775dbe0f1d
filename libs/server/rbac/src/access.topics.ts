/** Published when a person's role or account status changes: checks on every instance re-read it. */
export interface AccessChangedPayload {
  userId: string;
}

declare module '@pa/server-core' {
  interface Topics {
    accessChanged: AccessChangedPayload;
  }
}

/** Published after each audit entry is written, for administrators watching the trail live. */
export interface AuditEntryAddedPayload {
  id: string;
}

declare module '@pa/server-core' {
  interface Topics {
    auditEntryAdded: AuditEntryAddedPayload;
  }
}
