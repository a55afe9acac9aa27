// Serves a static export the way a plain static host does: files as they are,
// clean URLs (/a finds a.html), 404.html for anything missing, and the type of the
// extensionless card files. Listens on 127.0.0.1 only.
//
//   npx tsx tests/support/serve-static.ts <out-dir> <port>
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import handler from 'serve-handler';

const [outDir, portArgument] = process.argv.slice(2);
const port = Number(portArgument);
if (!outDir || !Number.isInteger(port) || port <= 0) {
  process.stderr.write('usage: npx tsx tests/support/serve-static.ts <out-dir> <port>\n');
  process.exit(2);
}
const publicDir = path.resolve(outDir);
if (!fs.existsSync(path.join(publicDir, '404.html'))) {
  process.stderr.write(`${outDir} holds no export (no 404.html): run npm run export -- --out ${outDir} first\n`);
  process.exit(2);
}

// The link-preview cards are files without an extension (…/opengraph-image, the URL next start
// serves them at): a static host is told their type, as deploy/nginx.conf tells nginx.
const headers = [{ source: '**/opengraph-image', headers: [{ key: 'Content-Type', value: 'image/png' }] }];

const server = http.createServer((request, response) => {
  void handler(request, response, { public: publicDir, cleanUrls: true, headers });
});
server.listen(port, '127.0.0.1', () => process.stdout.write(`serving ${outDir} on http://127.0.0.1:${port}\n`));
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => server.close(() => process.exit(0)));
