// Serves out/ with nginx and the site's own deploy/nginx.conf, so the tests
// check the config that is shipped. Only `listen` and `root` are swapped for
// 127.0.0.1:<port> and this clone's out/; nginx runs in the foreground from a
// temporary prefix and is stopped with this process.
// Usage: node tests/support/serve-nginx.mjs <port> [nginx binary]
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const port = Number(process.argv[2]);
const nginx = process.argv[3] ?? 'nginx';
if (!Number.isInteger(port) || port <= 0) {
  console.error('usage: node tests/support/serve-nginx.mjs <port> [nginx binary]');
  process.exit(2);
}

const site = fs.readFileSync(path.resolve('deploy/nginx.conf'), 'utf8');
const listens = site.match(/^\s*listen\s[^;]*;\s*$/gm) ?? [];
const roots = site.match(/^\s*root\s[^;]*;\s*$/gm) ?? [];
if (listens.length === 0 || roots.length !== 1) {
  console.error('deploy/nginx.conf: expected listen lines and exactly one root line');
  process.exit(2);
}
const server = site
  .replace(/^\s*listen\s[^;]*;\s*$/gm, '')
  .replace(/^\s*root\s[^;]*;\s*$/m, `    listen 127.0.0.1:${port};\n    root ${path.resolve('out')};`);

// One folder per port, emptied at start: Playwright may kill this process before it can clean up.
const prefix = path.join(os.tmpdir(), `zh-news-nginx-${port}`);
fs.rmSync(prefix, { recursive: true, force: true });
fs.mkdirSync(prefix);
// mime.types sits beside the distribution's nginx.conf (Debian: /etc/nginx).
const confPath = /--conf-path=(\S+)/.exec(
  (await new Promise((resolve) => {
    const probe = spawn(nginx, ['-V']);
    let text = '';
    probe.stderr.on('data', (chunk) => (text += chunk));
    probe.on('close', () => resolve(text));
    probe.on('error', () => resolve(''));
  })),
)?.[1];
const mimeTypes = path.join(confPath ? path.dirname(confPath) : '/etc/nginx', 'mime.types');

const temp = (name) => path.join(prefix, name);
// The files deploy/nginx.conf includes from zh-news/, beside the configuration as on a server.
fs.mkdirSync(temp('zh-news'));
for (const file of ['security-headers.conf', 'csp-hashes.map']) {
  const source = path.resolve('deploy', file);
  if (!fs.existsSync(source)) {
    console.error(`deploy/${file} is missing: run npm run export first`);
    process.exit(2);
  }
  fs.copyFileSync(source, temp(`zh-news/${file}`));
}
fs.writeFileSync(
  temp('nginx.conf'),
  `worker_processes 1;
pid ${temp('nginx.pid')};
error_log stderr warn;
events { worker_connections 256; }
http {
    include ${mimeTypes};
    default_type application/octet-stream;
    access_log off;
    client_body_temp_path ${temp('client_body')};
    proxy_temp_path ${temp('proxy')};
    fastcgi_temp_path ${temp('fastcgi')};
    uwsgi_temp_path ${temp('uwsgi')};
    scgi_temp_path ${temp('scgi')};
${server}
}
`,
);

const child = spawn(nginx, ['-p', prefix, '-c', temp('nginx.conf'), '-e', 'stderr', '-g', 'daemon off;'], { stdio: 'inherit' });
console.log(`nginx serving out/ on http://127.0.0.1:${port}`);
const cleanUp = () => fs.rmSync(prefix, { recursive: true, force: true });
child.on('exit', (code) => {
  cleanUp();
  process.exit(code ?? 1);
});
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill('SIGQUIT'));
