// Secondary entry point (@pa/web-data-access/account) for the settings pages, which load lazily: its
// hooks and their documents (src/gql/lazy) are not reachable from the first chunk.
export { usePreferences, type PreferencesInfo, type PreferencesView } from './hooks/usePreferences';
export { useProfile, type ProfileActions } from './hooks/useProfile';
export { useMyActivity, type ActivityEntry, type MyActivityView } from './hooks/useMyActivity';
export type { UpdatePreferencesInput, UpdateProfileInput } from './gql/lazy/graphql';
export { usePrivacy, type DataExportInfo, type PrivacyView } from './hooks/usePrivacy';
export type { ConfirmIdentityInput } from './gql/lazy/graphql';
export {
  useConsents,
  type ConsentInfo,
  type ConsentsView,
  type HistoryLimitInfo,
  type LegalDocumentInfo,
} from './hooks/useConsents';
export type { ConsentKind } from './gql/lazy/graphql';
export { useDayPreferences, type DayPreferences, type DayPreferencesInput } from './hooks/useDayPreferences';
