/** Published after a person's display name or avatar changes. */
export interface ProfileChangedPayload {
  userId: string;
}

declare module '@pa/server-core' {
  interface Topics {
    profileChanged: ProfileChangedPayload;
  }
}
