/** Published after a person's preferences change, so schedulers recompute with the new values. */
export interface PreferencesChangedPayload {
  userId: string;
}

declare module '@pa/server-core' {
  interface Topics {
    preferencesChanged: PreferencesChangedPayload;
  }
}
