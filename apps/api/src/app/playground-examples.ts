// The playground's example operations, one tab per group. A test (playground.int-spec.ts) runs every
// one against a real API, so an example that the schema breaks fails CI.

/** One group of examples: a GraphiQL tab with its document and the variables its operations use. */
export interface ExampleTab {
  title: string;
  /** Operations, each with a short `#` comment; run one with the play button. */
  query: string;
  variables: Record<string, unknown>;
  /** Who can run the tab: anyone, a signed-in person, or an administrator. */
  audience: 'anyone' | 'person' | 'administrator';
  /**
   * Variables an operation of this tab fills from another one's answer (e.g. StartConversation's id):
   * the comment says which to paste; the test does the same.
   */
  fills?: Record<string, { operation: string; path: string[] }>;
}

const PAGE = 'pageInfo { hasNextPage hasPreviousPage startCursor endCursor }';

/** The example tabs; dates in them (a reminder's time) are relative to `now`. */
export function exampleTabs(now = Date.now()): ExampleTab[] {
  // Tomorrow, on the hour: a reminder must be in the future (and within a year).
  const tomorrow = new Date(Math.ceil((now + 86_400_000) / 3_600_000) * 3_600_000).toISOString();
  return [
    {
      title: 'Sign in',
      audience: 'anyone',
      variables: {
        email: 'you@example.com',
        password: 'correct horse battery staple',
        refreshToken: 'paste the refreshToken SignIn returns',
      },
      fills: { refreshToken: { operation: 'SignIn', path: ['login', 'refreshToken'] } },
      query: `# Sign in and refresh. Put your email and password in the variables below (they stay in this
# page: never in the address bar or the browser's storage). Copy accessToken into the headers tab as
# {"Authorization": "Bearer <accessToken>"} for every other example.
# Status and a beat from every API instance need no sign-in.

# Signs in; with a second factor on, mfaMethods is non-empty: finish with verifyMfa.
mutation SignIn($email: String!, $password: String!) {
  login(input: { email: $email, password: $password, refreshTokenIn: BODY }) {
    accessToken
    accessTokenExpiresAt
    refreshToken
    mfaMethods
    user { id displayName }
  }
}

# A fresh access token: paste SignIn's refreshToken into the variables (each one works once).
mutation Refresh($refreshToken: String) {
  refreshSession(refreshToken: $refreshToken, refreshTokenIn: BODY) {
    accessToken
    refreshToken
  }
}

# Whether the service and its dependencies are up.
query ServerStatus {
  serverStatus { version environment database { ok } redis { ok } }
}

# One beat every few seconds from each API instance, over WebSocket.
subscription Heartbeat {
  heartbeat { instanceId at }
}
`,
    },
    {
      title: 'Me and tokens',
      audience: 'person',
      variables: { name: 'my script', scopes: ['task:read:own', 'task:write:own'], expiresInDays: 30 },
      query: `# Who you are, and personal access tokens for scripts (tokens are managed from a signed-in
# session; a token then works as {"Authorization": "Bearer pat_…"}).

# Your account.
query Me {
  me { id email displayName timeZone createdAt }
}

# The scopes your tokens may carry (your role's permissions) and named presets.
query TokenScopes {
  tokenScopes { available presets { name scopes } }
}

# Makes a token: copy \`token\` now, it is shown once. Needs a sign-in within the last few minutes.
mutation CreateToken($name: String!, $scopes: [String!]!, $expiresInDays: Int) {
  createPersonalAccessToken(input: { name: $name, scopes: $scopes, expiresInDays: $expiresInDays }) {
    token
    personalAccessToken { id hint scopes expiresAt }
  }
}

# Your tokens with their last use (revoke one with revokePersonalAccessToken(id)).
query MyTokens {
  personalAccessTokens { id name hint scopes expiresAt lastUsedAt revokedAt }
}
`,
    },
    {
      title: 'Conversations',
      audience: 'person',
      variables: { first: 5, after: null, lastMessages: 20, before: null, search: 'dentist' },
      query: `# Conversations and their messages, paged both ways (Relay cursors).

# Newest first: pass pageInfo.endCursor as $after for the next page.
# Each conversation's latest messages: pass a messages pageInfo.startCursor as $before for older ones.
query MyConversations($first: Int, $after: String, $lastMessages: Int, $before: String) {
  conversations(first: $first, after: $after) {
    edges {
      cursor
      node {
        id
        title
        lastActivityAt
        messages(last: $lastMessages, before: $before) {
          edges { cursor node { id author body createdAt } }
          ${PAGE}
        }
      }
    }
    ${PAGE}
  }
}

# Full-text search in your messages.
query SearchMessages($search: String!) {
  searchMessages(query: $search, first: 10) {
    edges { node { message { id body conversationId } } }
    ${PAGE}
  }
}
`,
    },
    {
      title: 'Send and listen',
      audience: 'person',
      variables: {
        title: 'From the playground',
        conversationId: 'paste the id StartConversation returns',
        body: 'remind me to call the dentist tomorrow at 10',
        clientId: 'playground-1',
      },
      fills: {
        conversationId: { operation: 'StartConversation', path: ['createConversation', 'id'] },
      },
      query: `# Send a message and hear the assistant's reply live. Run StartConversation, paste its id as
# conversationId in the variables, start NewMessages (it keeps listening over WebSocket), then run
# SendMessage: your message and the assistant's reply arrive there. Change clientId for each new
# message (sending the same clientId again stores nothing new).

# A new conversation.
mutation StartConversation($title: String) {
  createConversation(title: $title) { id title }
}

# Sends a message; the assistant answers in the background.
mutation SendMessage($conversationId: ID!, $body: String!, $clientId: String!) {
  sendMessage(input: { conversationId: $conversationId, body: $body, clientId: $clientId }) {
    id
    author
    body
    cursor
  }
}

# Every new message of that conversation (resume after a drop with after: <a message's cursor>).
subscription NewMessages($conversationId: ID!) {
  messageAdded(conversationId: $conversationId) { id author body createdAt cursor }
}

# Any of your conversations changing (new activity, rename, archive).
subscription ConversationUpdates {
  conversationUpdated { id title lastActivityAt }
}
`,
    },
    {
      title: 'Tasks and reminders',
      audience: 'person',
      variables: { title: 'water the plants', text: 'take my meds', dueAt: tomorrow },
      query: `# Tasks and reminders.

# Your open tasks, with their small steps.
query Tasks {
  tasks { id title doneAt steps { id title doneAt } }
}

# Adds a task at the end of the list (completeTask(id) marks it done).
mutation AddTask($title: String!) {
  createTask(title: $title) { id title position }
}

# Your reminders.
query Reminders {
  reminders { id text dueAt status }
}

# A reminder at an instant (ISO 8601, UTC or with an offset).
mutation AddReminder($text: String!, $dueAt: DateTimeISO!) {
  createReminder(input: { text: $text, dueAt: $dueAt }) { id text dueAt status }
}

# "Refresh your tasks or reminders": fires whenever either changes, from any device.
subscription TodayChanged {
  todayChanged { what }
}
`,
    },
    {
      title: 'Numbers and usage',
      audience: 'person',
      variables: { groupBy: 'DAY' },
      query: `# Your dedicated SMS numbers and what your texts cost.

# The numbers you hold.
query MyNumbers {
  myPhoneNumbers { id phoneNumber country status }
}

# Texts and cost over the last 30 days, per day (or MONTH).
query MySmsUsage($groupBy: UsageGrouping!) {
  mySmsUsage(groupBy: $groupBy) {
    currency
    totals { inboundMessages outboundMessages totalCost }
    periods { period inboundMessages outboundMessages totalCost }
  }
}
`,
    },
    {
      title: 'Webhooks',
      audience: 'person',
      variables: {
        url: 'http://127.0.0.1:8699/hook',
        events: ['TASK_COMPLETED', 'REMINDER_FIRED'],
        id: 'paste the webhookEndpoint id CreateWebhook returns',
      },
      fills: { id: { operation: 'CreateWebhook', path: ['createWebhookEndpoint', 'webhookEndpoint', 'id'] } },
      query: `# Outgoing webhooks: events POSTed to your own HTTPS endpoint, signed (docs/api-guide.md, Webhooks).
# The example URL is a local receiver (accepted in development only): put your own HTTPS endpoint instead.

# Registers an endpoint; copy the secret now (shown once): it verifies each delivery's X-PA-Signature.
mutation CreateWebhook($url: String!, $events: [WebhookEvent!]!) {
  createWebhookEndpoint(input: { url: $url, events: $events }) {
    secret
    webhookEndpoint { id url events }
  }
}

# Your endpoints with their recent deliveries (status, attempts, HTTP status, error).
query Webhooks {
  webhookEndpoints {
    id url events disabledAt disabledReason consecutiveFailures
    deliveries { eventId eventType status attempts statusCode error deliveredAt }
  }
}

# Sends a webhook.test event to it; its id shows up in the deliveries above.
mutation SendTestEvent($id: ID!) {
  sendTestWebhookEvent(id: $id)
}

# A new signing secret (the old one stops at once).
mutation RotateWebhookSecret($id: ID!) {
  rotateWebhookSecret(id: $id) { secret webhookEndpoint { secretHint } }
}

# Removes the endpoint and its delivery log.
mutation DeleteWebhook($id: ID!) {
  deleteWebhookEndpoint(id: $id)
}
`,
    },
    {
      title: 'Administrators',
      audience: 'administrator',
      variables: { first: 20, after: null, groupBy: 'MONTH' },
      query: `# Administrators only: people, the audit trail, platform SMS analytics.

# Everyone, paged.
query Users($first: Int, $after: String) {
  users(first: $first, after: $after) {
    edges { node { id email displayName disabledAt } }
    ${PAGE}
  }
}

# The audit trail, newest first.
query AuditLog($first: Int, $after: String) {
  auditLog(first: $first, after: $after) {
    edges { node { id action outcome at } }
    ${PAGE}
  }
}

# Texts and cost across the platform.
query SmsAnalytics($groupBy: UsageGrouping!) {
  smsAnalytics(groupBy: $groupBy) {
    currency
    totals { inboundMessages outboundMessages totalCost }
  }
}

# Each new audit entry as it is written.
subscription AuditEntries {
  auditEntryAdded { id action outcome at }
}
`,
    },
  ];
}
