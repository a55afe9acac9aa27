// Serving speed: a bounded load on 127.0.0.1 (autocannon), and the static
// export behind nginx when it is installed, else behind a plain file server.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import autocannon from 'autocannon';
import { startServer } from './processes.mjs';

/** Load settings: ten connections for a few seconds, as a burst of readers would, asking for gzip as browsers do. */
export const loadSettings = { connections: 10, seconds: 5, warmupSeconds: 3, acceptEncoding: 'gzip' };

/** Requests per second and latency percentiles of one bounded run against one URL. */
export async function load(url, seconds = loadSettings.seconds) {
  const result = await autocannon({
    url,
    connections: loadSettings.connections,
    duration: seconds,
    headers: { 'accept-encoding': loadSettings.acceptEncoding },
  });
  return {
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    failures: result.errors + result.timeouts + result.non2xx,
  };
}

function nginxBinary() {
  if (process.env.BENCH_STATIC_SERVER === 'node') return undefined;
  if (process.env.NGINX_PATH) return process.env.NGINX_PATH;
  const found = spawnSync('sh', ['-c', 'command -v nginx || ls /usr/sbin/nginx'], { encoding: 'utf8' });
  const binary = found.stdout.trim().split('\n')[0];
  return found.status === 0 && binary ? binary : undefined;
}

// The server block: the project's deploy/nginx.conf when it has one (with listen and
// root swapped for this run), else the least a static host does.
function serverBlock(projectDir, root, port) {
  const shipped = path.join(projectDir, 'deploy', 'nginx.conf');
  if (fs.existsSync(shipped)) {
    const site = fs.readFileSync(shipped, 'utf8');
    if ((site.match(/^\s*root\s[^;]*;\s*$/gm) ?? []).length === 1) {
      return site
        .replace(/^\s*listen\s[^;]*;\s*$/gm, '')
        .replace(/^\s*root\s[^;]*;\s*$/m, `    listen 127.0.0.1:${port};\n    root ${root};`);
    }
  }
  return `server {
    listen 127.0.0.1:${port};
    root ${root};
    gzip on;
    gzip_types text/css application/javascript;
    location / { try_files $uri $uri.html $uri/index.html =404; }
}`;
}

/**
 * Serves a folder of exported files on 127.0.0.1:port: nginx (NGINX_PATH, else on
 * the PATH; one worker, from a temporary prefix) when installed, else (or with BENCH_STATIC_SERVER=node)
 * tests/bench/static-server.mjs.
 * Resolves to the server process and the name of what serves.
 */
export async function serveStatic({ projectDir, root, port, probePath, scratch }) {
  const url = `http://127.0.0.1:${port}${probePath}`;
  const nginx = nginxBinary();
  if (!nginx) {
    const child = await startServer(process.execPath, [path.join(projectDir, 'tests/bench/static-server.mjs'), root, String(port)], { url });
    return { child, server: 'node static file server' };
  }
  const prefix = path.join(scratch, `nginx-${port}`);
  fs.rmSync(prefix, { recursive: true, force: true });
  fs.mkdirSync(prefix, { recursive: true });
  const version = spawnSync(nginx, ['-V'], { encoding: 'utf8' });
  const confPath = /--conf-path=(\S+)/.exec(version.stderr ?? '')?.[1];
  const mimeTypes = path.join(confPath ? path.dirname(confPath) : '/etc/nginx', 'mime.types');
  const temp = (name) => path.join(prefix, name);
  fs.writeFileSync(
    temp('nginx.conf'),
    `worker_processes 1;
pid ${temp('nginx.pid')};
error_log stderr warn;
events { worker_connections 1024; }
http {
    include ${mimeTypes};
    default_type application/octet-stream;
    access_log off;
    sendfile on;
    client_body_temp_path ${temp('client_body')};
    proxy_temp_path ${temp('proxy')};
    fastcgi_temp_path ${temp('fastcgi')};
    uwsgi_temp_path ${temp('uwsgi')};
    scgi_temp_path ${temp('scgi')};
${serverBlock(projectDir, root, port)}
}
`,
  );
  const child = await startServer(nginx, ['-p', prefix, '-c', temp('nginx.conf'), '-e', 'stderr', '-g', 'daemon off;'], { url });
  return { child, server: 'nginx (1 worker)' };
}
