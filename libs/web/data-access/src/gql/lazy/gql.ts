/* eslint-disable */
import * as types from './graphql';
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "\n  fragment PreferencesFields on Preferences {\n    timeZone\n    locale\n    quietHoursStart\n    quietHoursEnd\n    reminderChannels\n    checkInTime\n    assistantTone\n    smsReplyLength\n    updatedAt\n  }\n": typeof types.PreferencesFieldsFragmentDoc,
    "\n  query Preferences {\n    preferences {\n      ...PreferencesFields\n    }\n  }\n": typeof types.PreferencesDocument,
    "\n  mutation UpdatePreferences($input: UpdatePreferencesInput!) {\n    updatePreferences(input: $input) {\n      ...PreferencesFields\n    }\n  }\n": typeof types.UpdatePreferencesDocument,
    "\n  mutation UpdateProfile($input: UpdateProfileInput!) {\n    updateProfile(input: $input) {\n      ...UserFields\n    }\n  }\n": typeof types.UpdateProfileDocument,
    "\n  fragment ActivityEntryFields on AuditLogEntry {\n    id\n    at\n    action\n    outcome\n    permission\n    ip\n    details\n  }\n": typeof types.ActivityEntryFieldsFragmentDoc,
    "\n  query MyActivity($first: Int!, $after: String) {\n    me {\n      id\n      auditEntries(first: $first, after: $after) {\n        edges {\n          cursor\n          node {\n            ...ActivityEntryFields\n          }\n        }\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n      }\n    }\n  }\n": typeof types.MyActivityDocument,
    "\n  query DayPreferences {\n    preferences {\n      dayStart\n      lunch\n      workEnd\n      evening\n      appointmentLeadMinutes\n    }\n  }\n": typeof types.DayPreferencesDocument,
    "\n  mutation UpdateDayPreferences($input: UpdatePreferencesInput!) {\n    updatePreferences(input: $input) {\n      dayStart\n      lunch\n      workEnd\n      evening\n      appointmentLeadMinutes\n    }\n  }\n": typeof types.UpdateDayPreferencesDocument,
    "\n  fragment AdminUserFields on User {\n    id\n    email\n    displayName\n    role\n    status\n    disabledAt\n    createdAt\n    emailVerifiedAt\n    avatar {\n      initials\n      color\n      imageUrl\n    }\n  }\n": typeof types.AdminUserFieldsFragmentDoc,
    "\n  fragment PageInfoFields on PageInfo {\n    hasNextPage\n    hasPreviousPage\n    startCursor\n    endCursor\n  }\n": typeof types.PageInfoFieldsFragmentDoc,
    "\n  query AdminUsers($filter: UsersFilter, $first: Int, $after: String, $last: Int, $before: String) {\n    users(filter: $filter, first: $first, after: $after, last: $last, before: $before) {\n      edges {\n        cursor\n        node {\n          ...AdminUserFields\n        }\n      }\n      pageInfo {\n        ...PageInfoFields\n      }\n    }\n  }\n": typeof types.AdminUsersDocument,
    "\n  query AdminUser($id: ID!) {\n    user(id: $id) {\n      ...AdminUserFields\n      phone\n      timeZone\n      permissions\n    }\n  }\n": typeof types.AdminUserDocument,
    "\n  mutation SetUserRole($input: SetUserRoleInput!) {\n    setUserRole(input: $input) {\n      ...AdminUserFields\n      permissions\n    }\n  }\n": typeof types.SetUserRoleDocument,
    "\n  mutation DisableUser($input: DisableUserInput!) {\n    disableUser(input: $input) {\n      ...AdminUserFields\n    }\n  }\n": typeof types.DisableUserDocument,
    "\n  mutation EnableUser($userId: ID!) {\n    enableUser(userId: $userId) {\n      ...AdminUserFields\n    }\n  }\n": typeof types.EnableUserDocument,
    "\n  mutation DeleteUser($userId: ID!) {\n    deleteUser(userId: $userId)\n  }\n": typeof types.DeleteUserDocument,
    "\n  fragment AuditEntryFields on AuditLogEntry {\n    id\n    at\n    action\n    outcome\n    permission\n    resourceType\n    resourceId\n    correlationId\n    ip\n    details\n    actorId\n    subjectId\n    actor {\n      id\n      displayName\n      email\n    }\n    subject {\n      id\n      displayName\n      email\n    }\n  }\n": typeof types.AuditEntryFieldsFragmentDoc,
    "\n  query AuditLog($filter: AuditLogFilter, $first: Int, $after: String, $last: Int, $before: String) {\n    auditLog(filter: $filter, first: $first, after: $after, last: $last, before: $before) {\n      edges {\n        cursor\n        node {\n          ...AuditEntryFields\n        }\n      }\n      pageInfo {\n        ...PageInfoFields\n      }\n    }\n  }\n": typeof types.AuditLogDocument,
    "\n  fragment ChatMessageFields on Message {\n    id\n    conversationId\n    author\n    body\n    parentId\n    clientId\n    createdAt\n    replyCount\n  }\n": typeof types.ChatMessageFieldsFragmentDoc,
    "\n  fragment ConversationFields on Conversation {\n    id\n    title\n    channel\n    archivedAt\n    lastActivityAt\n    createdAt\n    lastMessage {\n      id\n      author\n      body\n      createdAt\n    }\n  }\n": typeof types.ConversationFieldsFragmentDoc,
    "\n  query Conversations($archived: Boolean!, $first: Int, $after: String) {\n    conversations(archived: $archived, first: $first, after: $after) {\n      edges {\n        cursor\n        node {\n          ...ConversationFields\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": typeof types.ConversationsDocument,
    "\n  query Conversation($id: ID!) {\n    conversation(id: $id) {\n      ...ConversationFields\n    }\n  }\n": typeof types.ConversationDocument,
    "\n  query ConversationMessages($id: ID!, $last: Int!, $before: String) {\n    conversation(id: $id) {\n      id\n      messages(last: $last, before: $before) {\n        edges {\n          cursor\n          node {\n            ...ChatMessageFields\n          }\n        }\n        pageInfo {\n          hasPreviousPage\n          startCursor\n        }\n      }\n    }\n  }\n": typeof types.ConversationMessagesDocument,
    "\n  query MessageThread($id: ID!, $first: Int!, $after: String) {\n    message(id: $id) {\n      ...ChatMessageFields\n      replies(first: $first, after: $after) {\n        edges {\n          cursor\n          node {\n            ...ChatMessageFields\n          }\n        }\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n      }\n    }\n  }\n": typeof types.MessageThreadDocument,
    "\n  query SearchMessages($query: String!, $filter: MessageSearchFilter, $first: Int, $after: String) {\n    searchMessages(query: $query, filter: $filter, first: $first, after: $after) {\n      edges {\n        cursor\n        node {\n          rank\n          message {\n            ...ChatMessageFields\n          }\n          snippet {\n            text\n            highlighted\n          }\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": typeof types.SearchMessagesDocument,
    "\n  mutation CreateConversation($title: String) {\n    createConversation(title: $title) {\n      ...ConversationFields\n    }\n  }\n": typeof types.CreateConversationDocument,
    "\n  mutation RenameConversation($id: ID!, $title: String!) {\n    renameConversation(id: $id, title: $title) {\n      ...ConversationFields\n    }\n  }\n": typeof types.RenameConversationDocument,
    "\n  mutation ArchiveConversation($id: ID!, $archived: Boolean!) {\n    archiveConversation(id: $id, archived: $archived) {\n      ...ConversationFields\n    }\n  }\n": typeof types.ArchiveConversationDocument,
    "\n  mutation DeleteConversation($id: ID!) {\n    deleteConversation(id: $id)\n  }\n": typeof types.DeleteConversationDocument,
    "\n  mutation SendMessage($input: SendMessageInput!) {\n    sendMessage(input: $input) {\n      ...ChatMessageFields\n    }\n  }\n": typeof types.SendMessageDocument,
    "\n  subscription MessageAdded($conversationId: ID!) {\n    messageAdded(conversationId: $conversationId) {\n      ...ChatMessageFields\n    }\n  }\n": typeof types.MessageAddedDocument,
    "\n  subscription ConversationUpdated {\n    conversationUpdated {\n      ...ConversationFields\n    }\n  }\n": typeof types.ConversationUpdatedDocument,
    "\n  query MessageReplyCount($id: ID!) {\n    message(id: $id) {\n      id\n      replyCount\n    }\n  }\n": typeof types.MessageReplyCountDocument,
    "\n  fragment DataExportFields on DataExport {\n    id\n    status\n    requestedAt\n    readyAt\n    expiresAt\n    sizeBytes\n    downloadPath\n  }\n": typeof types.DataExportFieldsFragmentDoc,
    "\n  query Privacy {\n    dataExports {\n      ...DataExportFields\n    }\n    accountDeletion {\n      requestedAt\n      dueAt\n    }\n  }\n": typeof types.PrivacyDocument,
    "\n  mutation RequestDataExport($input: ConfirmIdentityInput!) {\n    requestDataExport(input: $input) {\n      ...DataExportFields\n    }\n  }\n": typeof types.RequestDataExportDocument,
    "\n  mutation RequestAccountDeletion($input: ConfirmIdentityInput!) {\n    requestAccountDeletion(input: $input) {\n      requestedAt\n      dueAt\n    }\n  }\n": typeof types.RequestAccountDeletionDocument,
    "\n  mutation CancelAccountDeletion {\n    cancelAccountDeletion\n  }\n": typeof types.CancelAccountDeletionDocument,
    "\n  fragment ConsentFields on Consent {\n    id\n    kind\n    version\n    grantedAt\n    withdrawnAt\n    source\n    current\n  }\n": typeof types.ConsentFieldsFragmentDoc,
    "\n  query Consents {\n    me {\n      id\n      consents {\n        ...ConsentFields\n      }\n    }\n    legalDocuments {\n      kind\n      version\n      title\n      path\n      required\n    }\n    historyLimit {\n      days\n      hiddenMessages\n      hidingSoon\n      warningDays\n    }\n  }\n": typeof types.ConsentsDocument,
    "\n  mutation AcceptConsentsFromSettings($input: [ConsentAcceptanceInput!]!) {\n    acceptConsents(input: $input, fromSettings: true) {\n      ...ConsentFields\n    }\n  }\n": typeof types.AcceptConsentsFromSettingsDocument,
    "\n  mutation WithdrawConsent($kind: ConsentKind!) {\n    withdrawConsent(kind: $kind) {\n      ...ConsentFields\n    }\n  }\n": typeof types.WithdrawConsentDocument,
    "\n  fragment DueReminderFields on Reminder {\n    id\n    text\n    dueAt\n    kind\n    repeats\n    status\n    awaitingAcknowledgement\n    acknowledgedAt\n  }\n": typeof types.DueReminderFieldsFragmentDoc,
    "\n  fragment ReminderDeliveryFields on ReminderDelivery {\n    id\n    channel\n    step\n    occurrenceDueAt\n    deliveredAt\n    failedAt\n    acknowledgedAt\n    action\n  }\n": typeof types.ReminderDeliveryFieldsFragmentDoc,
    "\n  query DueReminders {\n    dueReminders {\n      ...DueReminderFields\n    }\n  }\n": typeof types.DueRemindersDocument,
    "\n  subscription ReminderAlerts {\n    reminderAlerts {\n      event\n      reminder {\n        ...DueReminderFields\n      }\n    }\n  }\n": typeof types.ReminderAlertsDocument,
    "\n  mutation AcknowledgeReminder($id: ID!, $action: ReminderAction!, $clientId: String, $snoozeMinutes: Int) {\n    acknowledgeReminder(id: $id, action: $action, clientId: $clientId, snoozeMinutes: $snoozeMinutes) {\n      ...DueReminderFields\n    }\n  }\n": typeof types.AcknowledgeReminderDocument,
    "\n  fragment PushDeviceFields on PushDevice {\n    id\n    deviceName\n    createdAt\n    lastSuccessAt\n    lastFailureAt\n  }\n": typeof types.PushDeviceFieldsFragmentDoc,
    "\n  query PushSettings {\n    pushPublicKey\n    pushDevices {\n      ...PushDeviceFields\n    }\n  }\n": typeof types.PushSettingsDocument,
    "\n  mutation SubscribePush($input: SubscribePushInput!) {\n    subscribePush(input: $input) {\n      ...PushDeviceFields\n    }\n  }\n": typeof types.SubscribePushDocument,
    "\n  mutation UnsubscribePush($endpoint: String!) {\n    unsubscribePush(endpoint: $endpoint)\n  }\n": typeof types.UnsubscribePushDocument,
    "\n  mutation RemovePushDevice($id: ID!) {\n    removePushDevice(id: $id)\n  }\n": typeof types.RemovePushDeviceDocument,
    "\n  mutation SendTestPush {\n    sendTestPush\n  }\n": typeof types.SendTestPushDocument,
    "\n  query Escalation {\n    preferences {\n      reminderChannels\n      escalation {\n        afterMinutes\n        channel\n      }\n      updatedAt\n    }\n  }\n": typeof types.EscalationDocument,
    "\n  mutation UpdateEscalation($input: UpdatePreferencesInput!) {\n    updatePreferences(input: $input) {\n      reminderChannels\n      escalation {\n        afterMinutes\n        channel\n      }\n      updatedAt\n    }\n  }\n": typeof types.UpdateEscalationDocument,
    "\n  fragment MyPhoneNumberFields on PhoneNumber {\n    id\n    phoneNumber\n    country\n    status\n    assignedAt\n    monthlyCost\n    currency\n  }\n": typeof types.MyPhoneNumberFieldsFragmentDoc,
    "\n  fragment SmsUsageFiguresFields on SmsUsageFigures {\n    period\n    inboundMessages\n    outboundMessages\n    inboundSegments\n    outboundSegments\n    messageCost\n    rentalCost\n    totalCost\n    unpricedMessages\n  }\n": typeof types.SmsUsageFiguresFieldsFragmentDoc,
    "\n  query MyNumbers {\n    myPhoneNumbers {\n      ...MyPhoneNumberFields\n    }\n    mfaStatus {\n      totpEnabled\n      backupCodesRemaining\n      smsPhone\n    }\n    phoneNumberPrice {\n      monthlyCost\n      currency\n    }\n  }\n": typeof types.MyNumbersDocument,
    "\n  query AvailablePhoneNumbers($country: String, $areaCode: String) {\n    availablePhoneNumbers(country: $country, areaCode: $areaCode) {\n      phoneNumber\n      friendlyName\n      country\n      locality\n      region\n      fromPool\n    }\n  }\n": typeof types.AvailablePhoneNumbersDocument,
    "\n  mutation ClaimPhoneNumber($input: ClaimPhoneNumberInput) {\n    claimPhoneNumber(input: $input) {\n      ...MyPhoneNumberFields\n    }\n  }\n": typeof types.ClaimPhoneNumberDocument,
    "\n  mutation ReleasePhoneNumber($id: ID!) {\n    releasePhoneNumber(id: $id) {\n      ...MyPhoneNumberFields\n    }\n  }\n": typeof types.ReleasePhoneNumberDocument,
    "\n  query MySmsUsage($from: DateTimeISO, $to: DateTimeISO, $groupBy: UsageGrouping!) {\n    mySmsUsage(from: $from, to: $to, groupBy: $groupBy) {\n      from\n      to\n      currency\n      totals {\n        ...SmsUsageFiguresFields\n      }\n      periods {\n        ...SmsUsageFiguresFields\n      }\n    }\n  }\n": typeof types.MySmsUsageDocument,
    "\n  fragment AdminPhoneNumberFields on PhoneNumber {\n    id\n    phoneNumber\n    country\n    status\n    acquiredAt\n    assignedAt\n    releasedAt\n    monthlyCost\n    currency\n    owner {\n      id\n      displayName\n      email\n    }\n    webhook {\n      smsUrl\n      statusCallbackUrl\n      lastCheckedAt\n      lastDrift\n      lastDriftAt\n      lastError\n      repairs\n    }\n  }\n": typeof types.AdminPhoneNumberFieldsFragmentDoc,
    "\n  query AdminPhoneNumbers($status: PhoneNumberStatus, $search: String, $limit: Int!, $offset: Int!) {\n    phoneNumbers(status: $status, search: $search, limit: $limit, offset: $offset) {\n      total\n      items {\n        ...AdminPhoneNumberFields\n      }\n    }\n  }\n": typeof types.AdminPhoneNumbersDocument,
    "\n  mutation AddPoolPhoneNumber($input: ClaimPhoneNumberInput) {\n    addPoolPhoneNumber(input: $input) {\n      ...AdminPhoneNumberFields\n    }\n  }\n": typeof types.AddPoolPhoneNumberDocument,
    "\n  mutation ReassignPhoneNumber($id: ID!, $userId: ID!) {\n    reassignPhoneNumber(id: $id, userId: $userId) {\n      ...AdminPhoneNumberFields\n    }\n  }\n": typeof types.ReassignPhoneNumberDocument,
    "\n  mutation UnassignPhoneNumber($id: ID!) {\n    unassignPhoneNumber(id: $id) {\n      ...AdminPhoneNumberFields\n    }\n  }\n": typeof types.UnassignPhoneNumberDocument,
    "\n  mutation ReleasePhoneNumberToTwilio($id: ID!) {\n    releasePhoneNumberToTwilio(id: $id) {\n      ...AdminPhoneNumberFields\n    }\n  }\n": typeof types.ReleasePhoneNumberToTwilioDocument,
    "\n  mutation CheckPhoneNumberWebhooks {\n    checkPhoneNumberWebhooks {\n      checked\n      drifted\n      repaired\n      adopted\n      abandoned\n      failed\n    }\n  }\n": typeof types.CheckPhoneNumberWebhooksDocument,
    "\n  query SmsPeopleSearch($search: String!) {\n    users(filter: { search: $search }, first: 10) {\n      edges {\n        node {\n          id\n          displayName\n          email\n        }\n      }\n    }\n  }\n": typeof types.SmsPeopleSearchDocument,
    "\n  query SmsAnalytics($from: DateTimeISO, $to: DateTimeISO, $groupBy: UsageGrouping!) {\n    smsAnalytics(from: $from, to: $to, groupBy: $groupBy) {\n      from\n      to\n      currency\n      totals {\n        ...SmsUsageFiguresFields\n      }\n      periods {\n        ...SmsUsageFiguresFields\n      }\n      topUsers {\n        userId\n        displayName\n        email\n        inboundMessages\n        outboundMessages\n        inboundSegments\n        outboundSegments\n        messageCost\n        rentalCost\n        totalCost\n        unpricedMessages\n      }\n      perNumber {\n        numberId\n        phoneNumber\n        status\n        inboundMessages\n        outboundMessages\n        inboundSegments\n        outboundSegments\n        messageCost\n        rentalCost\n        totalCost\n        unpricedMessages\n      }\n    }\n  }\n": typeof types.SmsAnalyticsDocument,
    "\n  query SmsUsageCsv($from: DateTimeISO, $to: DateTimeISO) {\n    smsUsageCsv(from: $from, to: $to)\n  }\n": typeof types.SmsUsageCsvDocument,
    "\n  fragment TodayTaskFields on Task {\n    id\n    title\n    doneAt\n    parentId\n    position\n    dueAt\n    priority\n    clientId\n  }\n": typeof types.TodayTaskFieldsFragmentDoc,
    "\n  fragment TodayReminderFields on Reminder {\n    id\n    text\n    dueAt\n    kind\n    repeats\n    status\n    awaitingAcknowledgement\n    acknowledgedAt\n    deliveries {\n      ...ReminderDeliveryFields\n    }\n  }\n": typeof types.TodayReminderFieldsFragmentDoc,
    "\n  query TodayTasks {\n    open: tasks(done: false) {\n      ...TodayTaskFields\n      steps {\n        ...TodayTaskFields\n      }\n    }\n    done: tasks(done: true) {\n      ...TodayTaskFields\n    }\n  }\n": typeof types.TodayTasksDocument,
    "\n  query TodayReminders {\n    reminders {\n      ...TodayReminderFields\n    }\n    due: dueReminders {\n      ...TodayReminderFields\n    }\n  }\n": typeof types.TodayRemindersDocument,
    "\n  mutation CreateTask($title: String!, $parentId: ID, $clientId: String) {\n    createTask(title: $title, parentId: $parentId, clientId: $clientId) {\n      ...TodayTaskFields\n    }\n  }\n": typeof types.CreateTaskDocument,
    "\n  mutation CompleteTask($id: ID!) {\n    completeTask(id: $id) {\n      ...TodayTaskFields\n      steps {\n        ...TodayTaskFields\n      }\n    }\n  }\n": typeof types.CompleteTaskDocument,
    "\n  mutation ReopenTask($id: ID!) {\n    reopenTask(id: $id) {\n      ...TodayTaskFields\n    }\n  }\n": typeof types.ReopenTaskDocument,
    "\n  mutation DeleteTask($id: ID!) {\n    deleteTask(id: $id)\n  }\n": typeof types.DeleteTaskDocument,
    "\n  mutation RenameTask($id: ID!, $title: String!) {\n    renameTask(id: $id, title: $title) {\n      ...TodayTaskFields\n    }\n  }\n": typeof types.RenameTaskDocument,
    "\n  mutation SetTaskDueAt($id: ID!, $dueAt: DateTimeISO) {\n    setTaskDueAt(id: $id, dueAt: $dueAt) {\n      ...TodayTaskFields\n    }\n  }\n": typeof types.SetTaskDueAtDocument,
    "\n  mutation SetTaskPriority($id: ID!, $priority: TaskPriority!) {\n    setTaskPriority(id: $id, priority: $priority) {\n      ...TodayTaskFields\n    }\n  }\n": typeof types.SetTaskPriorityDocument,
    "\n  mutation MoveTask($id: ID!, $place: Int!) {\n    moveTask(id: $id, place: $place) {\n      ...TodayTaskFields\n    }\n  }\n": typeof types.MoveTaskDocument,
    "\n  query TodayAppointments {\n    appointments {\n      id\n      title\n      startsAt\n    }\n  }\n": typeof types.TodayAppointmentsDocument,
    "\n  mutation CreateTodayReminder($input: CreateReminderInput!) {\n    createReminder(input: $input) {\n      ...TodayReminderFields\n    }\n  }\n": typeof types.CreateTodayReminderDocument,
    "\n  mutation SnoozeReminder($id: ID!, $minutes: Int!) {\n    snoozeReminder(id: $id, minutes: $minutes) {\n      ...TodayReminderFields\n    }\n  }\n": typeof types.SnoozeReminderDocument,
    "\n  mutation CancelReminder($id: ID!) {\n    cancelReminder(id: $id) {\n      ...TodayReminderFields\n    }\n  }\n": typeof types.CancelReminderDocument,
    "\n  subscription TodayChanged {\n    todayChanged {\n      what\n    }\n  }\n": typeof types.TodayChangedDocument,
    "\n  fragment UserFields on User {\n    id\n    email\n    displayName\n    timeZone\n    emailVerifiedAt\n    createdAt\n    role\n    status\n    phone\n    avatar {\n      initials\n      color\n      imageUrl\n    }\n  }\n": typeof types.UserFieldsFragmentDoc,
};
const documents: Documents = {
    "\n  fragment PreferencesFields on Preferences {\n    timeZone\n    locale\n    quietHoursStart\n    quietHoursEnd\n    reminderChannels\n    checkInTime\n    assistantTone\n    smsReplyLength\n    updatedAt\n  }\n": types.PreferencesFieldsFragmentDoc,
    "\n  query Preferences {\n    preferences {\n      ...PreferencesFields\n    }\n  }\n": types.PreferencesDocument,
    "\n  mutation UpdatePreferences($input: UpdatePreferencesInput!) {\n    updatePreferences(input: $input) {\n      ...PreferencesFields\n    }\n  }\n": types.UpdatePreferencesDocument,
    "\n  mutation UpdateProfile($input: UpdateProfileInput!) {\n    updateProfile(input: $input) {\n      ...UserFields\n    }\n  }\n": types.UpdateProfileDocument,
    "\n  fragment ActivityEntryFields on AuditLogEntry {\n    id\n    at\n    action\n    outcome\n    permission\n    ip\n    details\n  }\n": types.ActivityEntryFieldsFragmentDoc,
    "\n  query MyActivity($first: Int!, $after: String) {\n    me {\n      id\n      auditEntries(first: $first, after: $after) {\n        edges {\n          cursor\n          node {\n            ...ActivityEntryFields\n          }\n        }\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n      }\n    }\n  }\n": types.MyActivityDocument,
    "\n  query DayPreferences {\n    preferences {\n      dayStart\n      lunch\n      workEnd\n      evening\n      appointmentLeadMinutes\n    }\n  }\n": types.DayPreferencesDocument,
    "\n  mutation UpdateDayPreferences($input: UpdatePreferencesInput!) {\n    updatePreferences(input: $input) {\n      dayStart\n      lunch\n      workEnd\n      evening\n      appointmentLeadMinutes\n    }\n  }\n": types.UpdateDayPreferencesDocument,
    "\n  fragment AdminUserFields on User {\n    id\n    email\n    displayName\n    role\n    status\n    disabledAt\n    createdAt\n    emailVerifiedAt\n    avatar {\n      initials\n      color\n      imageUrl\n    }\n  }\n": types.AdminUserFieldsFragmentDoc,
    "\n  fragment PageInfoFields on PageInfo {\n    hasNextPage\n    hasPreviousPage\n    startCursor\n    endCursor\n  }\n": types.PageInfoFieldsFragmentDoc,
    "\n  query AdminUsers($filter: UsersFilter, $first: Int, $after: String, $last: Int, $before: String) {\n    users(filter: $filter, first: $first, after: $after, last: $last, before: $before) {\n      edges {\n        cursor\n        node {\n          ...AdminUserFields\n        }\n      }\n      pageInfo {\n        ...PageInfoFields\n      }\n    }\n  }\n": types.AdminUsersDocument,
    "\n  query AdminUser($id: ID!) {\n    user(id: $id) {\n      ...AdminUserFields\n      phone\n      timeZone\n      permissions\n    }\n  }\n": types.AdminUserDocument,
    "\n  mutation SetUserRole($input: SetUserRoleInput!) {\n    setUserRole(input: $input) {\n      ...AdminUserFields\n      permissions\n    }\n  }\n": types.SetUserRoleDocument,
    "\n  mutation DisableUser($input: DisableUserInput!) {\n    disableUser(input: $input) {\n      ...AdminUserFields\n    }\n  }\n": types.DisableUserDocument,
    "\n  mutation EnableUser($userId: ID!) {\n    enableUser(userId: $userId) {\n      ...AdminUserFields\n    }\n  }\n": types.EnableUserDocument,
    "\n  mutation DeleteUser($userId: ID!) {\n    deleteUser(userId: $userId)\n  }\n": types.DeleteUserDocument,
    "\n  fragment AuditEntryFields on AuditLogEntry {\n    id\n    at\n    action\n    outcome\n    permission\n    resourceType\n    resourceId\n    correlationId\n    ip\n    details\n    actorId\n    subjectId\n    actor {\n      id\n      displayName\n      email\n    }\n    subject {\n      id\n      displayName\n      email\n    }\n  }\n": types.AuditEntryFieldsFragmentDoc,
    "\n  query AuditLog($filter: AuditLogFilter, $first: Int, $after: String, $last: Int, $before: String) {\n    auditLog(filter: $filter, first: $first, after: $after, last: $last, before: $before) {\n      edges {\n        cursor\n        node {\n          ...AuditEntryFields\n        }\n      }\n      pageInfo {\n        ...PageInfoFields\n      }\n    }\n  }\n": types.AuditLogDocument,
    "\n  fragment ChatMessageFields on Message {\n    id\n    conversationId\n    author\n    body\n    parentId\n    clientId\n    createdAt\n    replyCount\n  }\n": types.ChatMessageFieldsFragmentDoc,
    "\n  fragment ConversationFields on Conversation {\n    id\n    title\n    channel\n    archivedAt\n    lastActivityAt\n    createdAt\n    lastMessage {\n      id\n      author\n      body\n      createdAt\n    }\n  }\n": types.ConversationFieldsFragmentDoc,
    "\n  query Conversations($archived: Boolean!, $first: Int, $after: String) {\n    conversations(archived: $archived, first: $first, after: $after) {\n      edges {\n        cursor\n        node {\n          ...ConversationFields\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": types.ConversationsDocument,
    "\n  query Conversation($id: ID!) {\n    conversation(id: $id) {\n      ...ConversationFields\n    }\n  }\n": types.ConversationDocument,
    "\n  query ConversationMessages($id: ID!, $last: Int!, $before: String) {\n    conversation(id: $id) {\n      id\n      messages(last: $last, before: $before) {\n        edges {\n          cursor\n          node {\n            ...ChatMessageFields\n          }\n        }\n        pageInfo {\n          hasPreviousPage\n          startCursor\n        }\n      }\n    }\n  }\n": types.ConversationMessagesDocument,
    "\n  query MessageThread($id: ID!, $first: Int!, $after: String) {\n    message(id: $id) {\n      ...ChatMessageFields\n      replies(first: $first, after: $after) {\n        edges {\n          cursor\n          node {\n            ...ChatMessageFields\n          }\n        }\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n      }\n    }\n  }\n": types.MessageThreadDocument,
    "\n  query SearchMessages($query: String!, $filter: MessageSearchFilter, $first: Int, $after: String) {\n    searchMessages(query: $query, filter: $filter, first: $first, after: $after) {\n      edges {\n        cursor\n        node {\n          rank\n          message {\n            ...ChatMessageFields\n          }\n          snippet {\n            text\n            highlighted\n          }\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": types.SearchMessagesDocument,
    "\n  mutation CreateConversation($title: String) {\n    createConversation(title: $title) {\n      ...ConversationFields\n    }\n  }\n": types.CreateConversationDocument,
    "\n  mutation RenameConversation($id: ID!, $title: String!) {\n    renameConversation(id: $id, title: $title) {\n      ...ConversationFields\n    }\n  }\n": types.RenameConversationDocument,
    "\n  mutation ArchiveConversation($id: ID!, $archived: Boolean!) {\n    archiveConversation(id: $id, archived: $archived) {\n      ...ConversationFields\n    }\n  }\n": types.ArchiveConversationDocument,
    "\n  mutation DeleteConversation($id: ID!) {\n    deleteConversation(id: $id)\n  }\n": types.DeleteConversationDocument,
    "\n  mutation SendMessage($input: SendMessageInput!) {\n    sendMessage(input: $input) {\n      ...ChatMessageFields\n    }\n  }\n": types.SendMessageDocument,
    "\n  subscription MessageAdded($conversationId: ID!) {\n    messageAdded(conversationId: $conversationId) {\n      ...ChatMessageFields\n    }\n  }\n": types.MessageAddedDocument,
    "\n  subscription ConversationUpdated {\n    conversationUpdated {\n      ...ConversationFields\n    }\n  }\n": types.ConversationUpdatedDocument,
    "\n  query MessageReplyCount($id: ID!) {\n    message(id: $id) {\n      id\n      replyCount\n    }\n  }\n": types.MessageReplyCountDocument,
    "\n  fragment DataExportFields on DataExport {\n    id\n    status\n    requestedAt\n    readyAt\n    expiresAt\n    sizeBytes\n    downloadPath\n  }\n": types.DataExportFieldsFragmentDoc,
    "\n  query Privacy {\n    dataExports {\n      ...DataExportFields\n    }\n    accountDeletion {\n      requestedAt\n      dueAt\n    }\n  }\n": types.PrivacyDocument,
    "\n  mutation RequestDataExport($input: ConfirmIdentityInput!) {\n    requestDataExport(input: $input) {\n      ...DataExportFields\n    }\n  }\n": types.RequestDataExportDocument,
    "\n  mutation RequestAccountDeletion($input: ConfirmIdentityInput!) {\n    requestAccountDeletion(input: $input) {\n      requestedAt\n      dueAt\n    }\n  }\n": types.RequestAccountDeletionDocument,
    "\n  mutation CancelAccountDeletion {\n    cancelAccountDeletion\n  }\n": types.CancelAccountDeletionDocument,
    "\n  fragment ConsentFields on Consent {\n    id\n    kind\n    version\n    grantedAt\n    withdrawnAt\n    source\n    current\n  }\n": types.ConsentFieldsFragmentDoc,
    "\n  query Consents {\n    me {\n      id\n      consents {\n        ...ConsentFields\n      }\n    }\n    legalDocuments {\n      kind\n      version\n      title\n      path\n      required\n    }\n    historyLimit {\n      days\n      hiddenMessages\n      hidingSoon\n      warningDays\n    }\n  }\n": types.ConsentsDocument,
    "\n  mutation AcceptConsentsFromSettings($input: [ConsentAcceptanceInput!]!) {\n    acceptConsents(input: $input, fromSettings: true) {\n      ...ConsentFields\n    }\n  }\n": types.AcceptConsentsFromSettingsDocument,
    "\n  mutation WithdrawConsent($kind: ConsentKind!) {\n    withdrawConsent(kind: $kind) {\n      ...ConsentFields\n    }\n  }\n": types.WithdrawConsentDocument,
    "\n  fragment DueReminderFields on Reminder {\n    id\n    text\n    dueAt\n    kind\n    repeats\n    status\n    awaitingAcknowledgement\n    acknowledgedAt\n  }\n": types.DueReminderFieldsFragmentDoc,
    "\n  fragment ReminderDeliveryFields on ReminderDelivery {\n    id\n    channel\n    step\n    occurrenceDueAt\n    deliveredAt\n    failedAt\n    acknowledgedAt\n    action\n  }\n": types.ReminderDeliveryFieldsFragmentDoc,
    "\n  query DueReminders {\n    dueReminders {\n      ...DueReminderFields\n    }\n  }\n": types.DueRemindersDocument,
    "\n  subscription ReminderAlerts {\n    reminderAlerts {\n      event\n      reminder {\n        ...DueReminderFields\n      }\n    }\n  }\n": types.ReminderAlertsDocument,
    "\n  mutation AcknowledgeReminder($id: ID!, $action: ReminderAction!, $clientId: String, $snoozeMinutes: Int) {\n    acknowledgeReminder(id: $id, action: $action, clientId: $clientId, snoozeMinutes: $snoozeMinutes) {\n      ...DueReminderFields\n    }\n  }\n": types.AcknowledgeReminderDocument,
    "\n  fragment PushDeviceFields on PushDevice {\n    id\n    deviceName\n    createdAt\n    lastSuccessAt\n    lastFailureAt\n  }\n": types.PushDeviceFieldsFragmentDoc,
    "\n  query PushSettings {\n    pushPublicKey\n    pushDevices {\n      ...PushDeviceFields\n    }\n  }\n": types.PushSettingsDocument,
    "\n  mutation SubscribePush($input: SubscribePushInput!) {\n    subscribePush(input: $input) {\n      ...PushDeviceFields\n    }\n  }\n": types.SubscribePushDocument,
    "\n  mutation UnsubscribePush($endpoint: String!) {\n    unsubscribePush(endpoint: $endpoint)\n  }\n": types.UnsubscribePushDocument,
    "\n  mutation RemovePushDevice($id: ID!) {\n    removePushDevice(id: $id)\n  }\n": types.RemovePushDeviceDocument,
    "\n  mutation SendTestPush {\n    sendTestPush\n  }\n": types.SendTestPushDocument,
    "\n  query Escalation {\n    preferences {\n      reminderChannels\n      escalation {\n        afterMinutes\n        channel\n      }\n      updatedAt\n    }\n  }\n": types.EscalationDocument,
    "\n  mutation UpdateEscalation($input: UpdatePreferencesInput!) {\n    updatePreferences(input: $input) {\n      reminderChannels\n      escalation {\n        afterMinutes\n        channel\n      }\n      updatedAt\n    }\n  }\n": types.UpdateEscalationDocument,
    "\n  fragment MyPhoneNumberFields on PhoneNumber {\n    id\n    phoneNumber\n    country\n    status\n    assignedAt\n    monthlyCost\n    currency\n  }\n": types.MyPhoneNumberFieldsFragmentDoc,
    "\n  fragment SmsUsageFiguresFields on SmsUsageFigures {\n    period\n    inboundMessages\n    outboundMessages\n    inboundSegments\n    outboundSegments\n    messageCost\n    rentalCost\n    totalCost\n    unpricedMessages\n  }\n": types.SmsUsageFiguresFieldsFragmentDoc,
    "\n  query MyNumbers {\n    myPhoneNumbers {\n      ...MyPhoneNumberFields\n    }\n    mfaStatus {\n      totpEnabled\n      backupCodesRemaining\n      smsPhone\n    }\n    phoneNumberPrice {\n      monthlyCost\n      currency\n    }\n  }\n": types.MyNumbersDocument,
    "\n  query AvailablePhoneNumbers($country: String, $areaCode: String) {\n    availablePhoneNumbers(country: $country, areaCode: $areaCode) {\n      phoneNumber\n      friendlyName\n      country\n      locality\n      region\n      fromPool\n    }\n  }\n": types.AvailablePhoneNumbersDocument,
    "\n  mutation ClaimPhoneNumber($input: ClaimPhoneNumberInput) {\n    claimPhoneNumber(input: $input) {\n      ...MyPhoneNumberFields\n    }\n  }\n": types.ClaimPhoneNumberDocument,
    "\n  mutation ReleasePhoneNumber($id: ID!) {\n    releasePhoneNumber(id: $id) {\n      ...MyPhoneNumberFields\n    }\n  }\n": types.ReleasePhoneNumberDocument,
    "\n  query MySmsUsage($from: DateTimeISO, $to: DateTimeISO, $groupBy: UsageGrouping!) {\n    mySmsUsage(from: $from, to: $to, groupBy: $groupBy) {\n      from\n      to\n      currency\n      totals {\n        ...SmsUsageFiguresFields\n      }\n      periods {\n        ...SmsUsageFiguresFields\n      }\n    }\n  }\n": types.MySmsUsageDocument,
    "\n  fragment AdminPhoneNumberFields on PhoneNumber {\n    id\n    phoneNumber\n    country\n    status\n    acquiredAt\n    assignedAt\n    releasedAt\n    monthlyCost\n    currency\n    owner {\n      id\n      displayName\n      email\n    }\n    webhook {\n      smsUrl\n      statusCallbackUrl\n      lastCheckedAt\n      lastDrift\n      lastDriftAt\n      lastError\n      repairs\n    }\n  }\n": types.AdminPhoneNumberFieldsFragmentDoc,
    "\n  query AdminPhoneNumbers($status: PhoneNumberStatus, $search: String, $limit: Int!, $offset: Int!) {\n    phoneNumbers(status: $status, search: $search, limit: $limit, offset: $offset) {\n      total\n      items {\n        ...AdminPhoneNumberFields\n      }\n    }\n  }\n": types.AdminPhoneNumbersDocument,
    "\n  mutation AddPoolPhoneNumber($input: ClaimPhoneNumberInput) {\n    addPoolPhoneNumber(input: $input) {\n      ...AdminPhoneNumberFields\n    }\n  }\n": types.AddPoolPhoneNumberDocument,
    "\n  mutation ReassignPhoneNumber($id: ID!, $userId: ID!) {\n    reassignPhoneNumber(id: $id, userId: $userId) {\n      ...AdminPhoneNumberFields\n    }\n  }\n": types.ReassignPhoneNumberDocument,
    "\n  mutation UnassignPhoneNumber($id: ID!) {\n    unassignPhoneNumber(id: $id) {\n      ...AdminPhoneNumberFields\n    }\n  }\n": types.UnassignPhoneNumberDocument,
    "\n  mutation ReleasePhoneNumberToTwilio($id: ID!) {\n    releasePhoneNumberToTwilio(id: $id) {\n      ...AdminPhoneNumberFields\n    }\n  }\n": types.ReleasePhoneNumberToTwilioDocument,
    "\n  mutation CheckPhoneNumberWebhooks {\n    checkPhoneNumberWebhooks {\n      checked\n      drifted\n      repaired\n      adopted\n      abandoned\n      failed\n    }\n  }\n": types.CheckPhoneNumberWebhooksDocument,
    "\n  query SmsPeopleSearch($search: String!) {\n    users(filter: { search: $search }, first: 10) {\n      edges {\n        node {\n          id\n          displayName\n          email\n        }\n      }\n    }\n  }\n": types.SmsPeopleSearchDocument,
    "\n  query SmsAnalytics($from: DateTimeISO, $to: DateTimeISO, $groupBy: UsageGrouping!) {\n    smsAnalytics(from: $from, to: $to, groupBy: $groupBy) {\n      from\n      to\n      currency\n      totals {\n        ...SmsUsageFiguresFields\n      }\n      periods {\n        ...SmsUsageFiguresFields\n      }\n      topUsers {\n        userId\n        displayName\n        email\n        inboundMessages\n        outboundMessages\n        inboundSegments\n        outboundSegments\n        messageCost\n        rentalCost\n        totalCost\n        unpricedMessages\n      }\n      perNumber {\n        numberId\n        phoneNumber\n        status\n        inboundMessages\n        outboundMessages\n        inboundSegments\n        outboundSegments\n        messageCost\n        rentalCost\n        totalCost\n        unpricedMessages\n      }\n    }\n  }\n": types.SmsAnalyticsDocument,
    "\n  query SmsUsageCsv($from: DateTimeISO, $to: DateTimeISO) {\n    smsUsageCsv(from: $from, to: $to)\n  }\n": types.SmsUsageCsvDocument,
    "\n  fragment TodayTaskFields on Task {\n    id\n    title\n    doneAt\n    parentId\n    position\n    dueAt\n    priority\n    clientId\n  }\n": types.TodayTaskFieldsFragmentDoc,
    "\n  fragment TodayReminderFields on Reminder {\n    id\n    text\n    dueAt\n    kind\n    repeats\n    status\n    awaitingAcknowledgement\n    acknowledgedAt\n    deliveries {\n      ...ReminderDeliveryFields\n    }\n  }\n": types.TodayReminderFieldsFragmentDoc,
    "\n  query TodayTasks {\n    open: tasks(done: false) {\n      ...TodayTaskFields\n      steps {\n        ...TodayTaskFields\n      }\n    }\n    done: tasks(done: true) {\n      ...TodayTaskFields\n    }\n  }\n": types.TodayTasksDocument,
    "\n  query TodayReminders {\n    reminders {\n      ...TodayReminderFields\n    }\n    due: dueReminders {\n      ...TodayReminderFields\n    }\n  }\n": types.TodayRemindersDocument,
    "\n  mutation CreateTask($title: String!, $parentId: ID, $clientId: String) {\n    createTask(title: $title, parentId: $parentId, clientId: $clientId) {\n      ...TodayTaskFields\n    }\n  }\n": types.CreateTaskDocument,
    "\n  mutation CompleteTask($id: ID!) {\n    completeTask(id: $id) {\n      ...TodayTaskFields\n      steps {\n        ...TodayTaskFields\n      }\n    }\n  }\n": types.CompleteTaskDocument,
    "\n  mutation ReopenTask($id: ID!) {\n    reopenTask(id: $id) {\n      ...TodayTaskFields\n    }\n  }\n": types.ReopenTaskDocument,
    "\n  mutation DeleteTask($id: ID!) {\n    deleteTask(id: $id)\n  }\n": types.DeleteTaskDocument,
    "\n  mutation RenameTask($id: ID!, $title: String!) {\n    renameTask(id: $id, title: $title) {\n      ...TodayTaskFields\n    }\n  }\n": types.RenameTaskDocument,
    "\n  mutation SetTaskDueAt($id: ID!, $dueAt: DateTimeISO) {\n    setTaskDueAt(id: $id, dueAt: $dueAt) {\n      ...TodayTaskFields\n    }\n  }\n": types.SetTaskDueAtDocument,
    "\n  mutation SetTaskPriority($id: ID!, $priority: TaskPriority!) {\n    setTaskPriority(id: $id, priority: $priority) {\n      ...TodayTaskFields\n    }\n  }\n": types.SetTaskPriorityDocument,
    "\n  mutation MoveTask($id: ID!, $place: Int!) {\n    moveTask(id: $id, place: $place) {\n      ...TodayTaskFields\n    }\n  }\n": types.MoveTaskDocument,
    "\n  query TodayAppointments {\n    appointments {\n      id\n      title\n      startsAt\n    }\n  }\n": types.TodayAppointmentsDocument,
    "\n  mutation CreateTodayReminder($input: CreateReminderInput!) {\n    createReminder(input: $input) {\n      ...TodayReminderFields\n    }\n  }\n": types.CreateTodayReminderDocument,
    "\n  mutation SnoozeReminder($id: ID!, $minutes: Int!) {\n    snoozeReminder(id: $id, minutes: $minutes) {\n      ...TodayReminderFields\n    }\n  }\n": types.SnoozeReminderDocument,
    "\n  mutation CancelReminder($id: ID!) {\n    cancelReminder(id: $id) {\n      ...TodayReminderFields\n    }\n  }\n": types.CancelReminderDocument,
    "\n  subscription TodayChanged {\n    todayChanged {\n      what\n    }\n  }\n": types.TodayChangedDocument,
    "\n  fragment UserFields on User {\n    id\n    email\n    displayName\n    timeZone\n    emailVerifiedAt\n    createdAt\n    role\n    status\n    phone\n    avatar {\n      initials\n      color\n      imageUrl\n    }\n  }\n": types.UserFieldsFragmentDoc,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment PreferencesFields on Preferences {\n    timeZone\n    locale\n    quietHoursStart\n    quietHoursEnd\n    reminderChannels\n    checkInTime\n    assistantTone\n    smsReplyLength\n    updatedAt\n  }\n"): (typeof documents)["\n  fragment PreferencesFields on Preferences {\n    timeZone\n    locale\n    quietHoursStart\n    quietHoursEnd\n    reminderChannels\n    checkInTime\n    assistantTone\n    smsReplyLength\n    updatedAt\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Preferences {\n    preferences {\n      ...PreferencesFields\n    }\n  }\n"): (typeof documents)["\n  query Preferences {\n    preferences {\n      ...PreferencesFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdatePreferences($input: UpdatePreferencesInput!) {\n    updatePreferences(input: $input) {\n      ...PreferencesFields\n    }\n  }\n"): (typeof documents)["\n  mutation UpdatePreferences($input: UpdatePreferencesInput!) {\n    updatePreferences(input: $input) {\n      ...PreferencesFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateProfile($input: UpdateProfileInput!) {\n    updateProfile(input: $input) {\n      ...UserFields\n    }\n  }\n"): (typeof documents)["\n  mutation UpdateProfile($input: UpdateProfileInput!) {\n    updateProfile(input: $input) {\n      ...UserFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ActivityEntryFields on AuditLogEntry {\n    id\n    at\n    action\n    outcome\n    permission\n    ip\n    details\n  }\n"): (typeof documents)["\n  fragment ActivityEntryFields on AuditLogEntry {\n    id\n    at\n    action\n    outcome\n    permission\n    ip\n    details\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MyActivity($first: Int!, $after: String) {\n    me {\n      id\n      auditEntries(first: $first, after: $after) {\n        edges {\n          cursor\n          node {\n            ...ActivityEntryFields\n          }\n        }\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query MyActivity($first: Int!, $after: String) {\n    me {\n      id\n      auditEntries(first: $first, after: $after) {\n        edges {\n          cursor\n          node {\n            ...ActivityEntryFields\n          }\n        }\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query DayPreferences {\n    preferences {\n      dayStart\n      lunch\n      workEnd\n      evening\n      appointmentLeadMinutes\n    }\n  }\n"): (typeof documents)["\n  query DayPreferences {\n    preferences {\n      dayStart\n      lunch\n      workEnd\n      evening\n      appointmentLeadMinutes\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateDayPreferences($input: UpdatePreferencesInput!) {\n    updatePreferences(input: $input) {\n      dayStart\n      lunch\n      workEnd\n      evening\n      appointmentLeadMinutes\n    }\n  }\n"): (typeof documents)["\n  mutation UpdateDayPreferences($input: UpdatePreferencesInput!) {\n    updatePreferences(input: $input) {\n      dayStart\n      lunch\n      workEnd\n      evening\n      appointmentLeadMinutes\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment AdminUserFields on User {\n    id\n    email\n    displayName\n    role\n    status\n    disabledAt\n    createdAt\n    emailVerifiedAt\n    avatar {\n      initials\n      color\n      imageUrl\n    }\n  }\n"): (typeof documents)["\n  fragment AdminUserFields on User {\n    id\n    email\n    displayName\n    role\n    status\n    disabledAt\n    createdAt\n    emailVerifiedAt\n    avatar {\n      initials\n      color\n      imageUrl\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment PageInfoFields on PageInfo {\n    hasNextPage\n    hasPreviousPage\n    startCursor\n    endCursor\n  }\n"): (typeof documents)["\n  fragment PageInfoFields on PageInfo {\n    hasNextPage\n    hasPreviousPage\n    startCursor\n    endCursor\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AdminUsers($filter: UsersFilter, $first: Int, $after: String, $last: Int, $before: String) {\n    users(filter: $filter, first: $first, after: $after, last: $last, before: $before) {\n      edges {\n        cursor\n        node {\n          ...AdminUserFields\n        }\n      }\n      pageInfo {\n        ...PageInfoFields\n      }\n    }\n  }\n"): (typeof documents)["\n  query AdminUsers($filter: UsersFilter, $first: Int, $after: String, $last: Int, $before: String) {\n    users(filter: $filter, first: $first, after: $after, last: $last, before: $before) {\n      edges {\n        cursor\n        node {\n          ...AdminUserFields\n        }\n      }\n      pageInfo {\n        ...PageInfoFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AdminUser($id: ID!) {\n    user(id: $id) {\n      ...AdminUserFields\n      phone\n      timeZone\n      permissions\n    }\n  }\n"): (typeof documents)["\n  query AdminUser($id: ID!) {\n    user(id: $id) {\n      ...AdminUserFields\n      phone\n      timeZone\n      permissions\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SetUserRole($input: SetUserRoleInput!) {\n    setUserRole(input: $input) {\n      ...AdminUserFields\n      permissions\n    }\n  }\n"): (typeof documents)["\n  mutation SetUserRole($input: SetUserRoleInput!) {\n    setUserRole(input: $input) {\n      ...AdminUserFields\n      permissions\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DisableUser($input: DisableUserInput!) {\n    disableUser(input: $input) {\n      ...AdminUserFields\n    }\n  }\n"): (typeof documents)["\n  mutation DisableUser($input: DisableUserInput!) {\n    disableUser(input: $input) {\n      ...AdminUserFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation EnableUser($userId: ID!) {\n    enableUser(userId: $userId) {\n      ...AdminUserFields\n    }\n  }\n"): (typeof documents)["\n  mutation EnableUser($userId: ID!) {\n    enableUser(userId: $userId) {\n      ...AdminUserFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeleteUser($userId: ID!) {\n    deleteUser(userId: $userId)\n  }\n"): (typeof documents)["\n  mutation DeleteUser($userId: ID!) {\n    deleteUser(userId: $userId)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment AuditEntryFields on AuditLogEntry {\n    id\n    at\n    action\n    outcome\n    permission\n    resourceType\n    resourceId\n    correlationId\n    ip\n    details\n    actorId\n    subjectId\n    actor {\n      id\n      displayName\n      email\n    }\n    subject {\n      id\n      displayName\n      email\n    }\n  }\n"): (typeof documents)["\n  fragment AuditEntryFields on AuditLogEntry {\n    id\n    at\n    action\n    outcome\n    permission\n    resourceType\n    resourceId\n    correlationId\n    ip\n    details\n    actorId\n    subjectId\n    actor {\n      id\n      displayName\n      email\n    }\n    subject {\n      id\n      displayName\n      email\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AuditLog($filter: AuditLogFilter, $first: Int, $after: String, $last: Int, $before: String) {\n    auditLog(filter: $filter, first: $first, after: $after, last: $last, before: $before) {\n      edges {\n        cursor\n        node {\n          ...AuditEntryFields\n        }\n      }\n      pageInfo {\n        ...PageInfoFields\n      }\n    }\n  }\n"): (typeof documents)["\n  query AuditLog($filter: AuditLogFilter, $first: Int, $after: String, $last: Int, $before: String) {\n    auditLog(filter: $filter, first: $first, after: $after, last: $last, before: $before) {\n      edges {\n        cursor\n        node {\n          ...AuditEntryFields\n        }\n      }\n      pageInfo {\n        ...PageInfoFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ChatMessageFields on Message {\n    id\n    conversationId\n    author\n    body\n    parentId\n    clientId\n    createdAt\n    replyCount\n  }\n"): (typeof documents)["\n  fragment ChatMessageFields on Message {\n    id\n    conversationId\n    author\n    body\n    parentId\n    clientId\n    createdAt\n    replyCount\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ConversationFields on Conversation {\n    id\n    title\n    channel\n    archivedAt\n    lastActivityAt\n    createdAt\n    lastMessage {\n      id\n      author\n      body\n      createdAt\n    }\n  }\n"): (typeof documents)["\n  fragment ConversationFields on Conversation {\n    id\n    title\n    channel\n    archivedAt\n    lastActivityAt\n    createdAt\n    lastMessage {\n      id\n      author\n      body\n      createdAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Conversations($archived: Boolean!, $first: Int, $after: String) {\n    conversations(archived: $archived, first: $first, after: $after) {\n      edges {\n        cursor\n        node {\n          ...ConversationFields\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"): (typeof documents)["\n  query Conversations($archived: Boolean!, $first: Int, $after: String) {\n    conversations(archived: $archived, first: $first, after: $after) {\n      edges {\n        cursor\n        node {\n          ...ConversationFields\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Conversation($id: ID!) {\n    conversation(id: $id) {\n      ...ConversationFields\n    }\n  }\n"): (typeof documents)["\n  query Conversation($id: ID!) {\n    conversation(id: $id) {\n      ...ConversationFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ConversationMessages($id: ID!, $last: Int!, $before: String) {\n    conversation(id: $id) {\n      id\n      messages(last: $last, before: $before) {\n        edges {\n          cursor\n          node {\n            ...ChatMessageFields\n          }\n        }\n        pageInfo {\n          hasPreviousPage\n          startCursor\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query ConversationMessages($id: ID!, $last: Int!, $before: String) {\n    conversation(id: $id) {\n      id\n      messages(last: $last, before: $before) {\n        edges {\n          cursor\n          node {\n            ...ChatMessageFields\n          }\n        }\n        pageInfo {\n          hasPreviousPage\n          startCursor\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MessageThread($id: ID!, $first: Int!, $after: String) {\n    message(id: $id) {\n      ...ChatMessageFields\n      replies(first: $first, after: $after) {\n        edges {\n          cursor\n          node {\n            ...ChatMessageFields\n          }\n        }\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query MessageThread($id: ID!, $first: Int!, $after: String) {\n    message(id: $id) {\n      ...ChatMessageFields\n      replies(first: $first, after: $after) {\n        edges {\n          cursor\n          node {\n            ...ChatMessageFields\n          }\n        }\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SearchMessages($query: String!, $filter: MessageSearchFilter, $first: Int, $after: String) {\n    searchMessages(query: $query, filter: $filter, first: $first, after: $after) {\n      edges {\n        cursor\n        node {\n          rank\n          message {\n            ...ChatMessageFields\n          }\n          snippet {\n            text\n            highlighted\n          }\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"): (typeof documents)["\n  query SearchMessages($query: String!, $filter: MessageSearchFilter, $first: Int, $after: String) {\n    searchMessages(query: $query, filter: $filter, first: $first, after: $after) {\n      edges {\n        cursor\n        node {\n          rank\n          message {\n            ...ChatMessageFields\n          }\n          snippet {\n            text\n            highlighted\n          }\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateConversation($title: String) {\n    createConversation(title: $title) {\n      ...ConversationFields\n    }\n  }\n"): (typeof documents)["\n  mutation CreateConversation($title: String) {\n    createConversation(title: $title) {\n      ...ConversationFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RenameConversation($id: ID!, $title: String!) {\n    renameConversation(id: $id, title: $title) {\n      ...ConversationFields\n    }\n  }\n"): (typeof documents)["\n  mutation RenameConversation($id: ID!, $title: String!) {\n    renameConversation(id: $id, title: $title) {\n      ...ConversationFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ArchiveConversation($id: ID!, $archived: Boolean!) {\n    archiveConversation(id: $id, archived: $archived) {\n      ...ConversationFields\n    }\n  }\n"): (typeof documents)["\n  mutation ArchiveConversation($id: ID!, $archived: Boolean!) {\n    archiveConversation(id: $id, archived: $archived) {\n      ...ConversationFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeleteConversation($id: ID!) {\n    deleteConversation(id: $id)\n  }\n"): (typeof documents)["\n  mutation DeleteConversation($id: ID!) {\n    deleteConversation(id: $id)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SendMessage($input: SendMessageInput!) {\n    sendMessage(input: $input) {\n      ...ChatMessageFields\n    }\n  }\n"): (typeof documents)["\n  mutation SendMessage($input: SendMessageInput!) {\n    sendMessage(input: $input) {\n      ...ChatMessageFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription MessageAdded($conversationId: ID!) {\n    messageAdded(conversationId: $conversationId) {\n      ...ChatMessageFields\n    }\n  }\n"): (typeof documents)["\n  subscription MessageAdded($conversationId: ID!) {\n    messageAdded(conversationId: $conversationId) {\n      ...ChatMessageFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription ConversationUpdated {\n    conversationUpdated {\n      ...ConversationFields\n    }\n  }\n"): (typeof documents)["\n  subscription ConversationUpdated {\n    conversationUpdated {\n      ...ConversationFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MessageReplyCount($id: ID!) {\n    message(id: $id) {\n      id\n      replyCount\n    }\n  }\n"): (typeof documents)["\n  query MessageReplyCount($id: ID!) {\n    message(id: $id) {\n      id\n      replyCount\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment DataExportFields on DataExport {\n    id\n    status\n    requestedAt\n    readyAt\n    expiresAt\n    sizeBytes\n    downloadPath\n  }\n"): (typeof documents)["\n  fragment DataExportFields on DataExport {\n    id\n    status\n    requestedAt\n    readyAt\n    expiresAt\n    sizeBytes\n    downloadPath\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Privacy {\n    dataExports {\n      ...DataExportFields\n    }\n    accountDeletion {\n      requestedAt\n      dueAt\n    }\n  }\n"): (typeof documents)["\n  query Privacy {\n    dataExports {\n      ...DataExportFields\n    }\n    accountDeletion {\n      requestedAt\n      dueAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RequestDataExport($input: ConfirmIdentityInput!) {\n    requestDataExport(input: $input) {\n      ...DataExportFields\n    }\n  }\n"): (typeof documents)["\n  mutation RequestDataExport($input: ConfirmIdentityInput!) {\n    requestDataExport(input: $input) {\n      ...DataExportFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RequestAccountDeletion($input: ConfirmIdentityInput!) {\n    requestAccountDeletion(input: $input) {\n      requestedAt\n      dueAt\n    }\n  }\n"): (typeof documents)["\n  mutation RequestAccountDeletion($input: ConfirmIdentityInput!) {\n    requestAccountDeletion(input: $input) {\n      requestedAt\n      dueAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CancelAccountDeletion {\n    cancelAccountDeletion\n  }\n"): (typeof documents)["\n  mutation CancelAccountDeletion {\n    cancelAccountDeletion\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ConsentFields on Consent {\n    id\n    kind\n    version\n    grantedAt\n    withdrawnAt\n    source\n    current\n  }\n"): (typeof documents)["\n  fragment ConsentFields on Consent {\n    id\n    kind\n    version\n    grantedAt\n    withdrawnAt\n    source\n    current\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Consents {\n    me {\n      id\n      consents {\n        ...ConsentFields\n      }\n    }\n    legalDocuments {\n      kind\n      version\n      title\n      path\n      required\n    }\n    historyLimit {\n      days\n      hiddenMessages\n      hidingSoon\n      warningDays\n    }\n  }\n"): (typeof documents)["\n  query Consents {\n    me {\n      id\n      consents {\n        ...ConsentFields\n      }\n    }\n    legalDocuments {\n      kind\n      version\n      title\n      path\n      required\n    }\n    historyLimit {\n      days\n      hiddenMessages\n      hidingSoon\n      warningDays\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AcceptConsentsFromSettings($input: [ConsentAcceptanceInput!]!) {\n    acceptConsents(input: $input, fromSettings: true) {\n      ...ConsentFields\n    }\n  }\n"): (typeof documents)["\n  mutation AcceptConsentsFromSettings($input: [ConsentAcceptanceInput!]!) {\n    acceptConsents(input: $input, fromSettings: true) {\n      ...ConsentFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation WithdrawConsent($kind: ConsentKind!) {\n    withdrawConsent(kind: $kind) {\n      ...ConsentFields\n    }\n  }\n"): (typeof documents)["\n  mutation WithdrawConsent($kind: ConsentKind!) {\n    withdrawConsent(kind: $kind) {\n      ...ConsentFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment DueReminderFields on Reminder {\n    id\n    text\n    dueAt\n    kind\n    repeats\n    status\n    awaitingAcknowledgement\n    acknowledgedAt\n  }\n"): (typeof documents)["\n  fragment DueReminderFields on Reminder {\n    id\n    text\n    dueAt\n    kind\n    repeats\n    status\n    awaitingAcknowledgement\n    acknowledgedAt\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ReminderDeliveryFields on ReminderDelivery {\n    id\n    channel\n    step\n    occurrenceDueAt\n    deliveredAt\n    failedAt\n    acknowledgedAt\n    action\n  }\n"): (typeof documents)["\n  fragment ReminderDeliveryFields on ReminderDelivery {\n    id\n    channel\n    step\n    occurrenceDueAt\n    deliveredAt\n    failedAt\n    acknowledgedAt\n    action\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query DueReminders {\n    dueReminders {\n      ...DueReminderFields\n    }\n  }\n"): (typeof documents)["\n  query DueReminders {\n    dueReminders {\n      ...DueReminderFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription ReminderAlerts {\n    reminderAlerts {\n      event\n      reminder {\n        ...DueReminderFields\n      }\n    }\n  }\n"): (typeof documents)["\n  subscription ReminderAlerts {\n    reminderAlerts {\n      event\n      reminder {\n        ...DueReminderFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AcknowledgeReminder($id: ID!, $action: ReminderAction!, $clientId: String, $snoozeMinutes: Int) {\n    acknowledgeReminder(id: $id, action: $action, clientId: $clientId, snoozeMinutes: $snoozeMinutes) {\n      ...DueReminderFields\n    }\n  }\n"): (typeof documents)["\n  mutation AcknowledgeReminder($id: ID!, $action: ReminderAction!, $clientId: String, $snoozeMinutes: Int) {\n    acknowledgeReminder(id: $id, action: $action, clientId: $clientId, snoozeMinutes: $snoozeMinutes) {\n      ...DueReminderFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment PushDeviceFields on PushDevice {\n    id\n    deviceName\n    createdAt\n    lastSuccessAt\n    lastFailureAt\n  }\n"): (typeof documents)["\n  fragment PushDeviceFields on PushDevice {\n    id\n    deviceName\n    createdAt\n    lastSuccessAt\n    lastFailureAt\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PushSettings {\n    pushPublicKey\n    pushDevices {\n      ...PushDeviceFields\n    }\n  }\n"): (typeof documents)["\n  query PushSettings {\n    pushPublicKey\n    pushDevices {\n      ...PushDeviceFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SubscribePush($input: SubscribePushInput!) {\n    subscribePush(input: $input) {\n      ...PushDeviceFields\n    }\n  }\n"): (typeof documents)["\n  mutation SubscribePush($input: SubscribePushInput!) {\n    subscribePush(input: $input) {\n      ...PushDeviceFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UnsubscribePush($endpoint: String!) {\n    unsubscribePush(endpoint: $endpoint)\n  }\n"): (typeof documents)["\n  mutation UnsubscribePush($endpoint: String!) {\n    unsubscribePush(endpoint: $endpoint)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RemovePushDevice($id: ID!) {\n    removePushDevice(id: $id)\n  }\n"): (typeof documents)["\n  mutation RemovePushDevice($id: ID!) {\n    removePushDevice(id: $id)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SendTestPush {\n    sendTestPush\n  }\n"): (typeof documents)["\n  mutation SendTestPush {\n    sendTestPush\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Escalation {\n    preferences {\n      reminderChannels\n      escalation {\n        afterMinutes\n        channel\n      }\n      updatedAt\n    }\n  }\n"): (typeof documents)["\n  query Escalation {\n    preferences {\n      reminderChannels\n      escalation {\n        afterMinutes\n        channel\n      }\n      updatedAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateEscalation($input: UpdatePreferencesInput!) {\n    updatePreferences(input: $input) {\n      reminderChannels\n      escalation {\n        afterMinutes\n        channel\n      }\n      updatedAt\n    }\n  }\n"): (typeof documents)["\n  mutation UpdateEscalation($input: UpdatePreferencesInput!) {\n    updatePreferences(input: $input) {\n      reminderChannels\n      escalation {\n        afterMinutes\n        channel\n      }\n      updatedAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment MyPhoneNumberFields on PhoneNumber {\n    id\n    phoneNumber\n    country\n    status\n    assignedAt\n    monthlyCost\n    currency\n  }\n"): (typeof documents)["\n  fragment MyPhoneNumberFields on PhoneNumber {\n    id\n    phoneNumber\n    country\n    status\n    assignedAt\n    monthlyCost\n    currency\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment SmsUsageFiguresFields on SmsUsageFigures {\n    period\n    inboundMessages\n    outboundMessages\n    inboundSegments\n    outboundSegments\n    messageCost\n    rentalCost\n    totalCost\n    unpricedMessages\n  }\n"): (typeof documents)["\n  fragment SmsUsageFiguresFields on SmsUsageFigures {\n    period\n    inboundMessages\n    outboundMessages\n    inboundSegments\n    outboundSegments\n    messageCost\n    rentalCost\n    totalCost\n    unpricedMessages\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MyNumbers {\n    myPhoneNumbers {\n      ...MyPhoneNumberFields\n    }\n    mfaStatus {\n      totpEnabled\n      backupCodesRemaining\n      smsPhone\n    }\n    phoneNumberPrice {\n      monthlyCost\n      currency\n    }\n  }\n"): (typeof documents)["\n  query MyNumbers {\n    myPhoneNumbers {\n      ...MyPhoneNumberFields\n    }\n    mfaStatus {\n      totpEnabled\n      backupCodesRemaining\n      smsPhone\n    }\n    phoneNumberPrice {\n      monthlyCost\n      currency\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AvailablePhoneNumbers($country: String, $areaCode: String) {\n    availablePhoneNumbers(country: $country, areaCode: $areaCode) {\n      phoneNumber\n      friendlyName\n      country\n      locality\n      region\n      fromPool\n    }\n  }\n"): (typeof documents)["\n  query AvailablePhoneNumbers($country: String, $areaCode: String) {\n    availablePhoneNumbers(country: $country, areaCode: $areaCode) {\n      phoneNumber\n      friendlyName\n      country\n      locality\n      region\n      fromPool\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ClaimPhoneNumber($input: ClaimPhoneNumberInput) {\n    claimPhoneNumber(input: $input) {\n      ...MyPhoneNumberFields\n    }\n  }\n"): (typeof documents)["\n  mutation ClaimPhoneNumber($input: ClaimPhoneNumberInput) {\n    claimPhoneNumber(input: $input) {\n      ...MyPhoneNumberFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ReleasePhoneNumber($id: ID!) {\n    releasePhoneNumber(id: $id) {\n      ...MyPhoneNumberFields\n    }\n  }\n"): (typeof documents)["\n  mutation ReleasePhoneNumber($id: ID!) {\n    releasePhoneNumber(id: $id) {\n      ...MyPhoneNumberFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MySmsUsage($from: DateTimeISO, $to: DateTimeISO, $groupBy: UsageGrouping!) {\n    mySmsUsage(from: $from, to: $to, groupBy: $groupBy) {\n      from\n      to\n      currency\n      totals {\n        ...SmsUsageFiguresFields\n      }\n      periods {\n        ...SmsUsageFiguresFields\n      }\n    }\n  }\n"): (typeof documents)["\n  query MySmsUsage($from: DateTimeISO, $to: DateTimeISO, $groupBy: UsageGrouping!) {\n    mySmsUsage(from: $from, to: $to, groupBy: $groupBy) {\n      from\n      to\n      currency\n      totals {\n        ...SmsUsageFiguresFields\n      }\n      periods {\n        ...SmsUsageFiguresFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment AdminPhoneNumberFields on PhoneNumber {\n    id\n    phoneNumber\n    country\n    status\n    acquiredAt\n    assignedAt\n    releasedAt\n    monthlyCost\n    currency\n    owner {\n      id\n      displayName\n      email\n    }\n    webhook {\n      smsUrl\n      statusCallbackUrl\n      lastCheckedAt\n      lastDrift\n      lastDriftAt\n      lastError\n      repairs\n    }\n  }\n"): (typeof documents)["\n  fragment AdminPhoneNumberFields on PhoneNumber {\n    id\n    phoneNumber\n    country\n    status\n    acquiredAt\n    assignedAt\n    releasedAt\n    monthlyCost\n    currency\n    owner {\n      id\n      displayName\n      email\n    }\n    webhook {\n      smsUrl\n      statusCallbackUrl\n      lastCheckedAt\n      lastDrift\n      lastDriftAt\n      lastError\n      repairs\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AdminPhoneNumbers($status: PhoneNumberStatus, $search: String, $limit: Int!, $offset: Int!) {\n    phoneNumbers(status: $status, search: $search, limit: $limit, offset: $offset) {\n      total\n      items {\n        ...AdminPhoneNumberFields\n      }\n    }\n  }\n"): (typeof documents)["\n  query AdminPhoneNumbers($status: PhoneNumberStatus, $search: String, $limit: Int!, $offset: Int!) {\n    phoneNumbers(status: $status, search: $search, limit: $limit, offset: $offset) {\n      total\n      items {\n        ...AdminPhoneNumberFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AddPoolPhoneNumber($input: ClaimPhoneNumberInput) {\n    addPoolPhoneNumber(input: $input) {\n      ...AdminPhoneNumberFields\n    }\n  }\n"): (typeof documents)["\n  mutation AddPoolPhoneNumber($input: ClaimPhoneNumberInput) {\n    addPoolPhoneNumber(input: $input) {\n      ...AdminPhoneNumberFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ReassignPhoneNumber($id: ID!, $userId: ID!) {\n    reassignPhoneNumber(id: $id, userId: $userId) {\n      ...AdminPhoneNumberFields\n    }\n  }\n"): (typeof documents)["\n  mutation ReassignPhoneNumber($id: ID!, $userId: ID!) {\n    reassignPhoneNumber(id: $id, userId: $userId) {\n      ...AdminPhoneNumberFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UnassignPhoneNumber($id: ID!) {\n    unassignPhoneNumber(id: $id) {\n      ...AdminPhoneNumberFields\n    }\n  }\n"): (typeof documents)["\n  mutation UnassignPhoneNumber($id: ID!) {\n    unassignPhoneNumber(id: $id) {\n      ...AdminPhoneNumberFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ReleasePhoneNumberToTwilio($id: ID!) {\n    releasePhoneNumberToTwilio(id: $id) {\n      ...AdminPhoneNumberFields\n    }\n  }\n"): (typeof documents)["\n  mutation ReleasePhoneNumberToTwilio($id: ID!) {\n    releasePhoneNumberToTwilio(id: $id) {\n      ...AdminPhoneNumberFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CheckPhoneNumberWebhooks {\n    checkPhoneNumberWebhooks {\n      checked\n      drifted\n      repaired\n      adopted\n      abandoned\n      failed\n    }\n  }\n"): (typeof documents)["\n  mutation CheckPhoneNumberWebhooks {\n    checkPhoneNumberWebhooks {\n      checked\n      drifted\n      repaired\n      adopted\n      abandoned\n      failed\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SmsPeopleSearch($search: String!) {\n    users(filter: { search: $search }, first: 10) {\n      edges {\n        node {\n          id\n          displayName\n          email\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query SmsPeopleSearch($search: String!) {\n    users(filter: { search: $search }, first: 10) {\n      edges {\n        node {\n          id\n          displayName\n          email\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SmsAnalytics($from: DateTimeISO, $to: DateTimeISO, $groupBy: UsageGrouping!) {\n    smsAnalytics(from: $from, to: $to, groupBy: $groupBy) {\n      from\n      to\n      currency\n      totals {\n        ...SmsUsageFiguresFields\n      }\n      periods {\n        ...SmsUsageFiguresFields\n      }\n      topUsers {\n        userId\n        displayName\n        email\n        inboundMessages\n        outboundMessages\n        inboundSegments\n        outboundSegments\n        messageCost\n        rentalCost\n        totalCost\n        unpricedMessages\n      }\n      perNumber {\n        numberId\n        phoneNumber\n        status\n        inboundMessages\n        outboundMessages\n        inboundSegments\n        outboundSegments\n        messageCost\n        rentalCost\n        totalCost\n        unpricedMessages\n      }\n    }\n  }\n"): (typeof documents)["\n  query SmsAnalytics($from: DateTimeISO, $to: DateTimeISO, $groupBy: UsageGrouping!) {\n    smsAnalytics(from: $from, to: $to, groupBy: $groupBy) {\n      from\n      to\n      currency\n      totals {\n        ...SmsUsageFiguresFields\n      }\n      periods {\n        ...SmsUsageFiguresFields\n      }\n      topUsers {\n        userId\n        displayName\n        email\n        inboundMessages\n        outboundMessages\n        inboundSegments\n        outboundSegments\n        messageCost\n        rentalCost\n        totalCost\n        unpricedMessages\n      }\n      perNumber {\n        numberId\n        phoneNumber\n        status\n        inboundMessages\n        outboundMessages\n        inboundSegments\n        outboundSegments\n        messageCost\n        rentalCost\n        totalCost\n        unpricedMessages\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SmsUsageCsv($from: DateTimeISO, $to: DateTimeISO) {\n    smsUsageCsv(from: $from, to: $to)\n  }\n"): (typeof documents)["\n  query SmsUsageCsv($from: DateTimeISO, $to: DateTimeISO) {\n    smsUsageCsv(from: $from, to: $to)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment TodayTaskFields on Task {\n    id\n    title\n    doneAt\n    parentId\n    position\n    dueAt\n    priority\n    clientId\n  }\n"): (typeof documents)["\n  fragment TodayTaskFields on Task {\n    id\n    title\n    doneAt\n    parentId\n    position\n    dueAt\n    priority\n    clientId\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment TodayReminderFields on Reminder {\n    id\n    text\n    dueAt\n    kind\n    repeats\n    status\n    awaitingAcknowledgement\n    acknowledgedAt\n    deliveries {\n      ...ReminderDeliveryFields\n    }\n  }\n"): (typeof documents)["\n  fragment TodayReminderFields on Reminder {\n    id\n    text\n    dueAt\n    kind\n    repeats\n    status\n    awaitingAcknowledgement\n    acknowledgedAt\n    deliveries {\n      ...ReminderDeliveryFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query TodayTasks {\n    open: tasks(done: false) {\n      ...TodayTaskFields\n      steps {\n        ...TodayTaskFields\n      }\n    }\n    done: tasks(done: true) {\n      ...TodayTaskFields\n    }\n  }\n"): (typeof documents)["\n  query TodayTasks {\n    open: tasks(done: false) {\n      ...TodayTaskFields\n      steps {\n        ...TodayTaskFields\n      }\n    }\n    done: tasks(done: true) {\n      ...TodayTaskFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query TodayReminders {\n    reminders {\n      ...TodayReminderFields\n    }\n    due: dueReminders {\n      ...TodayReminderFields\n    }\n  }\n"): (typeof documents)["\n  query TodayReminders {\n    reminders {\n      ...TodayReminderFields\n    }\n    due: dueReminders {\n      ...TodayReminderFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateTask($title: String!, $parentId: ID, $clientId: String) {\n    createTask(title: $title, parentId: $parentId, clientId: $clientId) {\n      ...TodayTaskFields\n    }\n  }\n"): (typeof documents)["\n  mutation CreateTask($title: String!, $parentId: ID, $clientId: String) {\n    createTask(title: $title, parentId: $parentId, clientId: $clientId) {\n      ...TodayTaskFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CompleteTask($id: ID!) {\n    completeTask(id: $id) {\n      ...TodayTaskFields\n      steps {\n        ...TodayTaskFields\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation CompleteTask($id: ID!) {\n    completeTask(id: $id) {\n      ...TodayTaskFields\n      steps {\n        ...TodayTaskFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ReopenTask($id: ID!) {\n    reopenTask(id: $id) {\n      ...TodayTaskFields\n    }\n  }\n"): (typeof documents)["\n  mutation ReopenTask($id: ID!) {\n    reopenTask(id: $id) {\n      ...TodayTaskFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeleteTask($id: ID!) {\n    deleteTask(id: $id)\n  }\n"): (typeof documents)["\n  mutation DeleteTask($id: ID!) {\n    deleteTask(id: $id)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RenameTask($id: ID!, $title: String!) {\n    renameTask(id: $id, title: $title) {\n      ...TodayTaskFields\n    }\n  }\n"): (typeof documents)["\n  mutation RenameTask($id: ID!, $title: String!) {\n    renameTask(id: $id, title: $title) {\n      ...TodayTaskFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SetTaskDueAt($id: ID!, $dueAt: DateTimeISO) {\n    setTaskDueAt(id: $id, dueAt: $dueAt) {\n      ...TodayTaskFields\n    }\n  }\n"): (typeof documents)["\n  mutation SetTaskDueAt($id: ID!, $dueAt: DateTimeISO) {\n    setTaskDueAt(id: $id, dueAt: $dueAt) {\n      ...TodayTaskFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SetTaskPriority($id: ID!, $priority: TaskPriority!) {\n    setTaskPriority(id: $id, priority: $priority) {\n      ...TodayTaskFields\n    }\n  }\n"): (typeof documents)["\n  mutation SetTaskPriority($id: ID!, $priority: TaskPriority!) {\n    setTaskPriority(id: $id, priority: $priority) {\n      ...TodayTaskFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation MoveTask($id: ID!, $place: Int!) {\n    moveTask(id: $id, place: $place) {\n      ...TodayTaskFields\n    }\n  }\n"): (typeof documents)["\n  mutation MoveTask($id: ID!, $place: Int!) {\n    moveTask(id: $id, place: $place) {\n      ...TodayTaskFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query TodayAppointments {\n    appointments {\n      id\n      title\n      startsAt\n    }\n  }\n"): (typeof documents)["\n  query TodayAppointments {\n    appointments {\n      id\n      title\n      startsAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateTodayReminder($input: CreateReminderInput!) {\n    createReminder(input: $input) {\n      ...TodayReminderFields\n    }\n  }\n"): (typeof documents)["\n  mutation CreateTodayReminder($input: CreateReminderInput!) {\n    createReminder(input: $input) {\n      ...TodayReminderFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SnoozeReminder($id: ID!, $minutes: Int!) {\n    snoozeReminder(id: $id, minutes: $minutes) {\n      ...TodayReminderFields\n    }\n  }\n"): (typeof documents)["\n  mutation SnoozeReminder($id: ID!, $minutes: Int!) {\n    snoozeReminder(id: $id, minutes: $minutes) {\n      ...TodayReminderFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CancelReminder($id: ID!) {\n    cancelReminder(id: $id) {\n      ...TodayReminderFields\n    }\n  }\n"): (typeof documents)["\n  mutation CancelReminder($id: ID!) {\n    cancelReminder(id: $id) {\n      ...TodayReminderFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription TodayChanged {\n    todayChanged {\n      what\n    }\n  }\n"): (typeof documents)["\n  subscription TodayChanged {\n    todayChanged {\n      what\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment UserFields on User {\n    id\n    email\n    displayName\n    timeZone\n    emailVerifiedAt\n    createdAt\n    role\n    status\n    phone\n    avatar {\n      initials\n      color\n      imageUrl\n    }\n  }\n"): (typeof documents)["\n  fragment UserFields on User {\n    id\n    email\n    displayName\n    timeZone\n    emailVerifiedAt\n    createdAt\n    role\n    status\n    phone\n    avatar {\n      initials\n      color\n      imageUrl\n    }\n  }\n"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;