// A local stand-in for an OpenAI-compatible chat endpoint (like the Twilio sandbox for SMS): lets the
// model path (ASSISTANT_LLM_URL) be tried and tested without a model. It answers
// POST /v1/chat/completions with the JSON the assistant expects: the person's message captured as
// one task, and a reply that says it came from the stand-in. Loopback only.
//   node tools/llm-standin/server.mjs --port 8611
//   ASSISTANT_LLM_URL=http://127.0.0.1:8611/v1 ASSISTANT_LLM_MODEL=standin npm run start:worker
// Modes for trying the fallbacks: --mode ok | garbage | slow | error.
import { createServer } from 'node:http';
import { parseArgs } from 'node:util';

/** Starts the stand-in; resolves with its base URL and a close function. */
export function startStandIn({ port = 0, mode = 'ok', slowMs = 30_000 } = {}) {
  const server = createServer((req, res) => {
    if (req.method !== 'POST' || !req.url?.endsWith('/chat/completions')) {
      res.writeHead(404).end();
      return;
    }
    let raw = '';
    req.on('data', (c) => {
      raw += c;
      if (raw.length > 1_000_000) req.destroy();
    });
    req.on('end', () => {
      if (mode === 'error') return void res.writeHead(500).end('{"error":"stand-in error"}');
      if (mode === 'slow') return void setTimeout(() => res.writeHead(504).end(), slowMs).unref();
      let text = '';
      try {
        const body = JSON.parse(raw);
        const last = body.messages?.[body.messages.length - 1]?.content ?? '';
        // The brain sends the system prompt, the context, then the person's message.
        text = String(last);
      } catch {
        return void res.writeHead(400).end();
      }
      const content =
        mode === 'garbage'
          ? 'I am not JSON'
          : JSON.stringify({
              text: `(stand-in) Saved: ${text.slice(0, 60)}`,
              intent: 'capture',
              actions: [{ type: 'createTasks', titles: [text.slice(0, 200) || 'Untitled'] }],
            });
      res.writeHead(200, { 'content-type': 'application/json' }).end(
        JSON.stringify({
          id: 'standin-1',
          object: 'chat.completion',
          model: 'standin',
          choices: [{ index: 0, message: { role: 'assistant', content }, finish_reason: 'stop' }],
        }),
      );
    });
  });
  return new Promise((resolve) => {
    server.listen(port, '127.0.0.1', () => {
      const { port: bound } = server.address();
      resolve({
        baseUrl: `http://127.0.0.1:${bound}/v1`,
        close: () => new Promise((r) => server.close(() => r())),
      });
    });
  });
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { values } = parseArgs({
    options: { port: { type: 'string', default: '8611' }, mode: { type: 'string', default: 'ok' } },
  });
  const { baseUrl } = await startStandIn({ port: Number(values.port), mode: values.mode });
  process.stdout.write(`LLM stand-in (${values.mode}) on ${baseUrl}\n`);
}
