// Quickstart of @pa/sdk, runnable as it is against a running API (`npm start` in this repository):
//
//   PA_URL=http://127.0.0.1:4000/graphql PA_TOKEN=pat_… npm run sdk:example
//   PA_URL=… PA_EMAIL=you@example.com PA_PASSWORD=… npm run sdk:example   # makes a token first
//
// It lists your tasks, starts a conversation, sends a message and prints the assistant's reply as it
// arrives over the subscription. With a token it needs the scopes `task:read:own`,
// `conversation:read:own` and `conversation:write:own`.
import { randomUUID } from 'node:crypto';
import WebSocket from 'ws';
import {
  CreateConversationDocument,
  CreatePersonalAccessTokenDocument,
  MessageAddedDocument,
  PaApiError,
  SendMessageDocument,
  TasksDocument,
  createPaClient,
} from '../src/index'; // in your project: from '@pa/sdk'

const SCOPES = ['task:read:own', 'conversation:read:own', 'conversation:write:own'];

async function main(): Promise<void> {
  const url = process.env['PA_URL'] ?? 'http://127.0.0.1:4000/graphql';
  // Node 20 has no global WebSocket: hand the SDK `ws` (Node 22+ and browsers need nothing).
  const client = createPaClient({ url, webSocketImpl: WebSocket });
  let token = process.env['PA_TOKEN'];
  if (!token) {
    const email = process.env['PA_EMAIL'];
    const password = process.env['PA_PASSWORD'];
    if (!email || !password) throw new Error('set PA_TOKEN, or PA_EMAIL and PA_PASSWORD to make one');
    const session = await client.signIn(email, password);
    if (session.mfaRequired)
      throw new Error('this account has a second factor: make the token in the playground');
    const made = await client.request(CreatePersonalAccessTokenDocument, {
      input: { name: 'sdk quickstart', scopes: SCOPES, expiresInDays: 1 },
    });
    token = made.createPersonalAccessToken.token;
    console.log(`made a token (${made.createPersonalAccessToken.personalAccessToken.hint}), valid one day`);
  }
  await client.setAuth({ token });

  const { tasks } = await client.request(TasksDocument);
  console.log(`${tasks.length} open task(s)${tasks.length ? ':' : ''}`);
  for (const task of tasks) console.log(`  - ${task.title}${task.dueAt ? ` (by ${task.dueAt})` : ''}`);

  const { createConversation } = await client.request(CreateConversationDocument, {
    title: 'SDK quickstart',
  });
  const { sendMessage } = await client.request(SendMessageDocument, {
    input: { conversationId: createConversation.id, body: "what's on my list", clientId: randomUUID() },
  });
  console.log(`${sendMessage.author}: ${sendMessage.body}`);
  // From the message just sent (its cursor): the reply arrives whether it was stored before the
  // socket opened or after, exactly once.
  const messages = client.subscribe(MessageAddedDocument, {
    conversationId: createConversation.id,
    after: sendMessage.cursor,
  });
  for await (const { messageAdded } of messages) {
    console.log(`${messageAdded.author}: ${messageAdded.body}`);
    if (messageAdded.author === 'ASSISTANT') break;
  }
  await messages.close();
  await client.close();
}

main().catch((err: unknown) => {
  // Every failure carries the API's stable code (docs/api-guide.md, Errors).
  if (err instanceof PaApiError) console.error(`failed: ${err.code}: ${err.message}`);
  else console.error(err);
  process.exitCode = 1;
});
