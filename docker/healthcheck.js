// HEALTHCHECK of the server images: `node /app/docker/healthcheck.js api|sms-router|worker`.
// api / sms-router: GET /healthz on their port (the process answers). worker: it has no HTTP port, so
// it checks what it cannot work without: Redis answers PING (with the password in REDIS_URL).
// Exit 0 = healthy. No curl in the slim image: Node's fetch and ioredis do the probe.
'use strict';
const role = process.argv[2];
const fail = (why) => {
  process.stderr.write(`unhealthy: ${why}\n`);
  process.exit(1);
};
const timer = setTimeout(() => fail('timeout'), 8000);
timer.unref();

if (role === 'api' || role === 'sms-router') {
  const port = role === 'api' ? process.env.PORT || '4000' : process.env.SMS_ROUTER_PORT || '8003';
  fetch(`http://127.0.0.1:${port}/healthz`).then(
    (r) => (r.ok ? process.exit(0) : fail(`HTTP ${r.status}`)),
    (e) => fail(e.message),
  );
} else if (role === 'worker') {
  if (!process.env.REDIS_URL) fail('REDIS_URL unset');
  const Redis = require('ioredis');
  const redis = new Redis(process.env.REDIS_URL, {
    lazyConnect: true,
    maxRetriesPerRequest: 0,
    connectTimeout: 5000,
  });
  redis
    .connect()
    .then(() => redis.ping())
    .then(
      (pong) => (pong === 'PONG' ? process.exit(0) : fail(`PING answered ${pong}`)),
      (e) => fail(e.message),
    );
} else {
  fail(`unknown role ${role}`);
}
