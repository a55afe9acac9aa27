// Serves out/ (the static export) the way a plain static host does: files as
// they are, clean URLs (/a finds a.html) and 404.html for anything missing.
// Usage: node tests/support/serve-static.mjs <port>  (listens on 127.0.0.1 only)
import http from 'node:http';
import path from 'node:path';
import handler from 'serve-handler';

const port = Number(process.argv[2]);
if (!Number.isInteger(port) || port <= 0) {
  console.error('usage: node tests/support/serve-static.mjs <port>');
  process.exit(2);
}
const publicDir = path.resolve('out');

const server = http.createServer((request, response) => handler(request, response, { public: publicDir, cleanUrls: true }));
server.listen(port, '127.0.0.1', () => console.log(`serving ${publicDir} on http://127.0.0.1:${port}`));
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.close(() => process.exit(0)));
