// npm run bench: builds the site, serves it on 127.0.0.1 and prints what a
// reader's first visit costs. Figures, not assertions: targets live in issues.
import { spawn, spawnSync } from 'node:child_process';
import { gzipSync } from 'node:zlib';
import net from 'node:net';

const slug = 'stargate-openai-softbank-rift';
const pages = [`/zh-hans/articles/${slug}`, `/zh-hant/articles/${slug}`];
const env = { ...process.env, NEXT_TELEMETRY_DISABLED: '1' };

function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

function build() {
  const started = process.hrtime.bigint();
  const result = spawnSync('npm', ['run', 'build'], { env, encoding: 'utf8' });
  if (result.status !== 0) {
    process.stderr.write(result.stdout + result.stderr);
    throw new Error('next build failed');
  }
  return Number(process.hrtime.bigint() - started) / 1e9;
}

async function startServer(port) {
  const child = spawn('npx', ['next', 'start', '--hostname', '127.0.0.1', '--port', String(port)], {
    env,
    detached: true,
    stdio: 'ignore',
  });
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    try {
      const response = await fetch(`http://127.0.0.1:${port}${pages[0]}`);
      if (response.ok) return child;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  process.kill(-child.pid);
  throw new Error('next start did not answer within 30 s');
}

const gz = (bytes) => gzipSync(bytes, { level: 9 }).byteLength;
const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;

async function weigh(origin, path) {
  const html = Buffer.from(await (await fetch(origin + path)).arrayBuffer());
  const text = html.toString('utf8');
  // Scripts marked noModule are legacy polyfills that current browsers never fetch.
  const assets = [...text.matchAll(/<(?:script|link)([^>]+)(?:src|href)="(\/_next\/static\/[^"]+\.(js|css))"([^>]*)>/g)].filter(
    (match) => !/noModule/i.test(match[1] + match[4]),
  );
  const unique = new Map(assets.map((match) => [match[2], match[3]]));
  let js = 0;
  let css = 0;
  let dictionaryInClient = false;
  for (const [url, kind] of unique) {
    const body = Buffer.from(await (await fetch(origin + url)).arrayBuffer());
    if (kind === 'js') js += gz(body);
    else css += gz(body);
    if (body.includes('一擲千金') || body.includes('Invalid dictionary entry')) dictionaryInClient = true;
  }
  const rscPayload = [...text.matchAll(/<script>self\.__next_f\.push\((.*?)\)<\/script>/gs)].reduce(
    (sum, match) => sum + Buffer.byteLength(match[1]),
    0,
  );
  return {
    page: path,
    htmlBytes: html.byteLength,
    htmlGzip: gz(html),
    inlineRscBytes: rscPayload,
    jsGzip: js,
    cssGzip: css,
    requests: 1 + unique.size,
    dictionaryInClient,
  };
}

const buildSeconds = build();
const port = await freePort();
const server = await startServer(port);
try {
  const results = [];
  for (const path of pages) results.push(await weigh(`http://127.0.0.1:${port}`, path));
  console.log(`next build: ${buildSeconds.toFixed(1)} s (1 article, ${pages.length} article pages)`);
  console.table(
    results.map((r) => ({
      page: r.page,
      'HTML': kb(r.htmlBytes),
      'HTML gzip': kb(r.htmlGzip),
      'inline RSC': kb(r.inlineRscBytes),
      'JS gzip': kb(r.jsGzip),
      'CSS gzip': kb(r.cssGzip),
      requests: r.requests,
      'dictionary in client': r.dictionaryInClient ? 'YES' : 'no',
    })),
  );
  console.log(JSON.stringify({ buildSeconds, pages: results }));
} finally {
  process.kill(-server.pid);
}
