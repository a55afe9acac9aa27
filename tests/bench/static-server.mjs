// A plain static file server for the exported site, for machines without
// nginx: a stat and a streamed file per request, clean URLs (/a finds a.html),
// nothing computed. Usage: node tests/bench/static-server.mjs <dir> <port>
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';

const types = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.txt': 'text/plain; charset=utf-8',
  '.xml': 'application/xml',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
};

const root = path.resolve(process.argv[2] ?? 'out');
const port = Number(process.argv[3]);

function find(urlPath) {
  let decoded;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return undefined;
  }
  const file = path.join(root, path.normalize(decoded));
  if (file !== root && !file.startsWith(root + path.sep)) return undefined;
  for (const candidate of [file, `${file}.html`, path.join(file, 'index.html')]) {
    try {
      const stat = fs.statSync(candidate);
      if (stat.isFile()) return { file: candidate, size: stat.size };
    } catch {
      // try the next form
    }
  }
  return undefined;
}

const server = http.createServer((request, response) => {
  const found = find(new URL(request.url ?? '/', 'http://localhost').pathname);
  const notFound = found ? undefined : find('/404.html');
  const target = found ?? notFound;
  if (!target) {
    response.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('not found');
    return;
  }
  response.writeHead(found ? 200 : 404, {
    'content-type': types[path.extname(target.file)] ?? 'application/octet-stream',
    'content-length': target.size,
  });
  fs.createReadStream(target.file).pipe(response);
});
server.listen(port, '127.0.0.1');
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.close(() => process.exit(0)));
