// Serves a static export with nginx and the site's own deploy/nginx.conf, so the
// tests check the config that is shipped. Only `listen` and `root` are swapped
// for 127.0.0.1:<port> and the export's folder; the export's CSP hash map goes
// where deploy/nginx.conf includes it from. nginx runs in the foreground from a
// temporary prefix and is stopped with this process.
//
//   npx tsx tests/support/serve-nginx.ts <out-dir> <csp-hashes.map> <port> [nginx binary]
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const usage = 'usage: npx tsx tests/support/serve-nginx.ts <out-dir> <csp-hashes.map> <port> [nginx binary]';

function fail(message: string): never {
  process.stderr.write(`serve-nginx: ${message}\n`);
  process.exit(2);
}

const [outDir, mapFile, portArgument, nginx = 'nginx'] = process.argv.slice(2);
const port = Number(portArgument);
if (!outDir || !mapFile || !Number.isInteger(port) || port <= 0) fail(usage);
if (!fs.existsSync(path.join(outDir, '404.html')))
  fail(`${outDir} holds no export (no 404.html): run npm run export -- --out ${outDir} first`);
if (!fs.existsSync(mapFile))
  fail(`${mapFile} is missing: npm run export -- --nginx-map ${mapFile} writes it with the export`);

const site = fs.readFileSync(path.resolve('deploy/nginx.conf'), 'utf8');
const listenLine = /^\s*listen\s[^;]*;\s*$/gm;
const rootLine = /^\s*root\s[^;]*;\s*$/gm;
if ((site.match(listenLine) ?? []).length === 0 || (site.match(rootLine) ?? []).length !== 1) {
  fail('deploy/nginx.conf: expected listen lines and exactly one root line');
}
const server = site
  .replace(listenLine, '')
  .replace(rootLine, `    listen 127.0.0.1:${port};\n    root ${path.resolve(outDir)};`);

// One folder per port, emptied at start: Playwright may kill this process before it can clean up.
const prefix = path.join(os.tmpdir(), `zh-news-nginx-${port}`);
const temp = (name: string) => path.join(prefix, name);
fs.rmSync(prefix, { recursive: true, force: true });
// The files deploy/nginx.conf includes from zh-news/, beside the configuration as on a server.
fs.mkdirSync(temp('zh-news'), { recursive: true });
fs.copyFileSync(path.resolve('deploy/security-headers.conf'), temp('zh-news/security-headers.conf'));
fs.copyFileSync(path.resolve(mapFile), temp('zh-news/csp-hashes.map'));

// mime.types sits beside the distribution's nginx.conf (Debian: /etc/nginx).
const built = spawnSync(nginx, ['-V'], { encoding: 'utf8' });
const confPath = /--conf-path=(\S+)/.exec(built.stderr)?.[1];
const mimeTypes = path.join(confPath ? path.dirname(confPath) : '/etc/nginx', 'mime.types');

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

const child = spawn(nginx, ['-p', prefix, '-c', temp('nginx.conf'), '-e', 'stderr', '-g', 'daemon off;'], {
  stdio: 'inherit',
});
process.stdout.write(`nginx serving ${outDir} on http://127.0.0.1:${port}\n`);
child.on('exit', (code) => {
  fs.rmSync(prefix, { recursive: true, force: true });
  process.exit(code ?? 1);
});
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => child.kill('SIGQUIT'));
