// The push service stand-in in a process of its own (its decryption must not share the event loop of
// what is measured). Talks over IPC: { subscribe: n } → subscriptions; { arrivals: true } → arrival
// times (ms) per subscription id; { clear: true }.
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const { startPushSandbox } = (await import(path.join(root, 'dist/server/tools/push-sandbox/src/index.js')))
  .default;
const sandbox = await startPushSandbox({ port: 0, maxMessages: 200_000 });
process.on('message', (msg) => {
  if (msg.subscribe) {
    const subs = Array.from({ length: msg.subscribe }, () => sandbox.subscribe());
    process.send({ subscriptions: subs });
  } else if (msg.arrivals) {
    process.send({
      // First deliveries only (step 0): escalation nudges come minutes later and are not measured.
      arrivals: sandbox
        .messages()
        .filter((m) => (JSON.parse(m.payload).step ?? 0) === 0)
        .map((m) => [m.subscriptionId, Date.parse(m.receivedAt)]),
      refused: sandbox.attempts().filter((a) => a.status !== 201).length,
    });
  } else if (msg.clear) {
    sandbox.clear();
    process.send({ cleared: true });
  } else if (msg.stop) {
    void sandbox.stop().then(() => process.exit(0));
  }
});
process.send({ url: sandbox.url });
