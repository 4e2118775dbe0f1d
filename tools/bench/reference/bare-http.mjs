// Benchmark reference for cold start: the smallest Node HTTP server that answers 200.
import http from 'node:http';

const port = Number(process.env.PORT ?? 4101);
const host = process.env.HOST ?? '127.0.0.1';

const server = http.createServer((_req, res) => {
  res.writeHead(200, { 'content-type': 'application/json' });
  res.end('{"status":"ok"}');
});
const stop = () => server.close(() => process.exit(0));
process.once('SIGTERM', stop);
process.once('SIGINT', stop);
server.listen(port, host);
