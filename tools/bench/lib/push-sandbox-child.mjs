// The push service stand-in in a process of its own (its work must not share the event loop of what is
// measured). It decrypts on read ('on-read'): a real push service never decrypts, so the arrival times
// are taken on receipt and every payload is still decrypted and checked once the run is over. Talks over IPC: { subscribe: n } → subscriptions; { arrivals: true } → arrival
// times (ms) per subscription id; { clear: true }.
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const { startPushSandbox } = (await import(path.join(root, 'dist/server/tools/push-sandbox/src/index.js')))
  .default;
const sandbox = await startPushSandbox({ port: 0, maxMessages: 200_000, decrypt: 'on-read' });
process.on('message', (msg) => {
  if (msg.subscribe) {
    const subs = Array.from({ length: msg.subscribe }, () => sandbox.subscribe());
    process.send({ subscriptions: subs });
  } else if (msg.arrivals) {
    const messages = sandbox.messages();
    process.send({
      // First deliveries only (step 0): escalation nudges come minutes later and are not measured.
      arrivals: messages
        .filter((m) => !m.decryptError && (JSON.parse(m.payload).step ?? 0) === 0)
        .map((m) => [m.subscriptionId, Date.parse(m.receivedAt)]),
      undecryptable: messages.filter((m) => m.decryptError).length,
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
