// Secondary entry point (@pa/web-data-access/sms) for the "My number" page and the SMS administration
// pages, which load lazily: their hooks and documents (src/gql/lazy) are not reachable from the first chunk.
export {
  useMyNumberActions,
  useMyNumbers,
  useMySmsUsage,
  type AvailableNumber,
  type MyNumberActions,
  type MyNumbersView,
  type MyPhoneNumber,
  type MySmsUsageView,
  type SmsUsageArgs,
  type SmsUsageFigures,
  type SmsUsageReport,
} from './hooks/sms/useMyNumbers';
export {
  useAdminPhoneNumberActions,
  useAdminPhoneNumbers,
  useSmsAnalytics,
  type AdminPhoneNumber,
  type AdminPhoneNumberActions,
  type AdminPhoneNumbersArgs,
  type AdminPhoneNumbersView,
  type PersonMatch,
  type SmsAnalyticsReport,
  type SmsAnalyticsView,
  type WebhookCheckReport,
} from './hooks/sms/useAdminPhoneNumbers';
export type { PhoneNumberStatus, UsageGrouping } from './gql/lazy/graphql';
