// Against a real HTTP server on 127.0.0.1 that answers like an OpenAI-compatible endpoint: good JSON,
// garbage, slow answers, errors. No fetch mock: the brain's real fetch goes over the socket.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { BrainContext } from '../brain.types';
import { BuiltInBrain } from '../built-in-brain';
import { OpenAiCompatibleBrain } from './openai-compatible-brain';

interface Seen {
  method: string;
  url: string;
  auth: string | undefined;
  body: {
    model: string;
    messages: { role: string; content: string }[];
  };
}

type Handler = (req: IncomingMessage, res: ServerResponse) => void;

let server: Server;
let baseUrl: string;
let handler: Handler;
const seen: Seen[] = [];
let closedEarly = 0;

function completion(content: string): string {
  return JSON.stringify({
    id: 'chatcmpl-1',
    object: 'chat.completion',
    model: 'test-model',
    choices: [{ index: 0, message: { role: 'assistant', content }, finish_reason: 'stop' }],
  });
}

function answer(content: string, status = 200): Handler {
  return (_req, res) => {
    res.writeHead(status, { 'content-type': 'application/json' });
    res.end(status === 200 ? completion(content) : content);
  };
}

beforeAll(async () => {
  server = createServer((req, res) => {
    let raw = '';
    req.on('data', (c: Buffer) => (raw += c.toString()));
    req.on('end', () => {
      seen.push({
        method: req.method ?? '',
        url: req.url ?? '',
        auth: req.headers.authorization,
        body: JSON.parse(raw),
      });
      res.on('close', () => {
        if (!res.writableEnded) closedEarly++;
      });
      handler(req, res);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

beforeEach(() => {
  seen.length = 0;
});

const ctx: BrainContext = {
  now: new Date('2026-03-11T13:00:00Z'),
  timeZone: 'Europe/Paris',
  tone: 'gentle',
  maxReplyChars: 160,
  openTasks: [
    { id: 't1', title: 'Call the dentist', doneAt: null },
    { id: 't2', title: 'Buy milk', doneAt: null },
  ],
  recentlyDone: [],
  upcomingReminders: [],
  lastDeliveredReminder: null,
  pending: null,
};

const builtIn = new BuiltInBrain();
const brain = (timeoutMs = 2000): OpenAiCompatibleBrain =>
  new OpenAiCompatibleBrain({
    baseUrl,
    apiKey: 'sk-test',
    model: 'test-model',
    timeoutMs,
    fallback: builtIn,
  });

describe('OpenAiCompatibleBrain', () => {
  it('posts the system prompt, the context and the text, and turns valid JSON into actions with Dates', async () => {
    handler = answer(
      JSON.stringify({
        text: "Done! I'll remind you at 17:00 and ticked off the milk.",
        intent: 'remind',
        actions: [
          {
            type: 'createReminder',
            text: 'take my meds',
            dueAt: '2026-03-11T17:00:00+01:00',
            recurrence: null,
          },
          { type: 'completeTasks', taskIds: ['t2'] },
        ],
      }),
    );
    const reply = await brain().reply('remind me at 5pm to take my meds, and milk is done', ctx);

    expect(reply.text).toBe("Done! I'll remind you at 17:00 and ticked off the milk.");
    expect(reply.intent).toBe('remind');
    expect(reply.actions).toEqual([
      {
        type: 'createReminder',
        text: 'take my meds',
        dueAt: new Date('2026-03-11T16:00:00Z'),
        recurrence: null,
      },
      { type: 'completeTasks', taskIds: ['t2'] },
    ]);
    const req = seen[0];
    expect(req?.method).toBe('POST');
    expect(req?.url).toBe('/v1/chat/completions');
    expect(req?.auth).toBe('Bearer sk-test');
    expect(req?.body.model).toBe('test-model');
    expect(req?.body.messages[0]?.role).toBe('system');
    expect(req?.body.messages[0]?.content).toContain('createReminder');
    expect(req?.body.messages[1]?.content).toContain('"id":"t2"');
    expect(req?.body.messages[1]?.content).toContain('Europe/Paris');
    expect(req?.body.messages.at(-1)).toEqual({
      role: 'user',
      content: 'remind me at 5pm to take my meds, and milk is done',
    });
  });

  it('drops unknown actions, made-up ids and bad dates but keeps the rest', async () => {
    handler = answer(
      JSON.stringify({
        text: 'Sure.',
        actions: [
          { type: 'launchRockets' },
          { type: 'completeTasks', taskIds: ['t999'] },
          { type: 'createReminder', text: 'x', dueAt: 'tomorrow-ish', recurrence: null },
          { type: 'startFocus', minutes: 500 },
          { type: 'startFocus', minutes: 25 },
          { type: 'createTasks', titles: ['Water plants'] },
        ],
      }),
    );
    const reply = await brain().reply('focus', ctx);
    expect(reply.actions).toEqual([
      { type: 'startFocus', minutes: 25, endsAt: new Date('2026-03-11T13:25:00Z') },
      { type: 'createTasks', titles: ['Water plants'] },
    ]);
    expect(reply.intent).toBe('focus');
  });

  it('validates corrections and appointments: a real reminder, a future time, a reminder before the event', async () => {
    const id = 'r1';
    const withReminder: BrainContext = {
      ...ctx,
      upcomingReminders: [
        { id, text: 'call mum', dueAt: new Date('2026-03-12T17:00:00Z'), recurrence: null },
      ],
    };
    handler = answer(
      JSON.stringify({
        text: 'Done.',
        actions: [
          { type: 'updateReminder', reminderId: 'r-made-up', dueAt: '2026-03-12T08:00:00Z' },
          { type: 'updateReminder', reminderId: id },
          { type: 'updateReminder', reminderId: id, dueAt: '2026-03-12T08:00:00Z' },
          {
            type: 'createAppointment',
            title: 'Vet',
            startsAt: '2026-03-12T10:00:00Z',
            remindAt: '2026-03-12T11:00:00Z',
          },
          {
            type: 'createAppointment',
            title: 'Vet',
            startsAt: '2026-03-12T10:00:00Z',
            remindAt: '2026-03-12T09:00:00Z',
          },
        ],
      }),
    );
    const reply = await brain().reply('no, make it tomorrow 9', withReminder);
    expect(reply.actions).toEqual([
      { type: 'updateReminder', reminderId: id, dueAt: new Date('2026-03-12T08:00:00Z') },
      {
        type: 'createAppointment',
        title: 'Vet',
        startsAt: new Date('2026-03-12T10:00:00Z'),
        remindAt: new Date('2026-03-12T09:00:00Z'),
      },
    ]);
  });

  it('clips a reply longer than the limit', async () => {
    handler = answer(JSON.stringify({ text: 'word '.repeat(100), actions: [] }));
    const reply = await brain().reply('hi', { ...ctx, maxReplyChars: 50 });
    expect(reply.text.length).toBeLessThanOrEqual(50);
    expect(reply.text.endsWith('…')).toBe(true);
  });

  it('reads JSON wrapped in a ```json fence', async () => {
    handler = answer(
      '```json\n{"text":"Added it.","actions":[{"type":"createTasks","titles":["Buy stamps"]}]}\n```',
    );
    const reply = await brain().reply('buy stamps', ctx);
    expect(reply.actions).toEqual([{ type: 'createTasks', titles: ['Buy stamps'] }]);
    expect(reply.intent).toBe('capture');
  });

  it('falls back to the built-in brain on garbage content', async () => {
    handler = answer('Sure thing! I added milk to your list :)');
    const reply = await brain().reply('buy oat milk', ctx);
    expect(reply).toEqual(await builtIn.reply('buy oat milk', ctx));
    expect(reply.actions).toEqual([{ type: 'createTasks', titles: ['Buy oat milk'] }]);
  });

  it('falls back when the JSON has no text', async () => {
    handler = answer(JSON.stringify({ actions: [{ type: 'createTasks', titles: ['x'] }] }));
    const reply = await brain().reply('list', ctx);
    expect(reply.intent).toBe('list');
  });

  it('falls back on an HTTP 500', async () => {
    handler = answer('{"error":{"message":"overloaded"}}', 500);
    const reply = await brain().reply('done 2', ctx);
    expect(reply.actions).toEqual([{ type: 'completeTasks', taskIds: ['t2'] }]);
    expect(seen).toHaveLength(1);
  });

  it('gives up on a slow server after timeoutMs and answers with the fallback', async () => {
    handler = (_req, res) => {
      const t = setTimeout(() => answer(JSON.stringify({ text: 'too late', actions: [] }))(_req, res), 3000);
      res.on('close', () => clearTimeout(t));
    };
    const before = closedEarly;
    const started = Date.now();
    const reply = await brain(300).reply('buy milk', ctx);
    const took = Date.now() - started;

    expect(reply.text).not.toBe('too late');
    expect(reply.actions).toEqual([{ type: 'createTasks', titles: ['Buy milk'] }]);
    expect(took).toBeGreaterThanOrEqual(250);
    expect(took).toBeLessThan(2000);
    // The request was really aborted: the server saw the connection close before it answered.
    await new Promise((r) => setTimeout(r, 50));
    expect(closedEarly).toBe(before + 1);
  });

  it('falls back when nothing listens on the port', async () => {
    const dead = new OpenAiCompatibleBrain({
      baseUrl: 'http://127.0.0.1:1/v1',
      model: 'm',
      timeoutMs: 1000,
      fallback: builtIn,
    });
    const reply = await dead.reply('help', ctx);
    expect(reply.intent).toBe('help');
  });
});
