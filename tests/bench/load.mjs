// npm run bench:load: a bounded load test against `next start` on 127.0.0.1.
// 64 connections for 30 seconds on the article page; prints requests per
// second, p50/p99 latency, errors, non-2xx answers, and the server's memory
// (RSS of the whole next start process tree) before and after. Figures, not
// assertions: the targets (no errors, no non-2xx, memory growth under 10 %)
// are printed beside them. `--no-build` reuses the current build.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import autocannon from 'autocannon';
import { freePort } from './processes.mjs';

const path = '/zh-hans/articles/stargate-openai-softbank-rift';
const connections = 64;
const durationSeconds = 30;
const env = { ...process.env, NEXT_TELEMETRY_DISABLED: '1' };

/** Resident memory in bytes of a process and all its descendants (Linux /proc, else ps). */
function treeRss(rootPid) {
  const table = fs.existsSync('/proc/self/stat')
    ? fs.readdirSync('/proc').filter((name) => /^\d+$/.test(name)).flatMap((pid) => {
        try {
          const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
          const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
          return [{ pid: Number(pid), ppid: Number(fields[1]), rss: Number(fields[21]) * 4096 }];
        } catch {
          return []; // the process ended while we looked
        }
      })
    : spawnSync('ps', ['-A', '-o', 'pid=,ppid=,rss='], { encoding: 'utf8' }).stdout.trim().split('\n').map((line) => {
        const [pid, ppid, rss] = line.trim().split(/\s+/).map(Number);
        return { pid, ppid, rss: rss * 1024 };
      });
  const inTree = new Set([rootPid]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const { pid, ppid } of table) {
      if (inTree.has(ppid) && !inTree.has(pid)) {
        inTree.add(pid);
        grew = true;
      }
    }
  }
  return table.filter(({ pid }) => inTree.has(pid)).reduce((sum, { rss }) => sum + rss, 0);
}

async function startServer(port) {
  const child = spawn('npx', ['next', 'start', '--hostname', '127.0.0.1', '--port', String(port)], { env, detached: true, stdio: 'ignore' });
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    try {
      if ((await fetch(`http://127.0.0.1:${port}${path}`)).ok) return child;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  process.kill(-child.pid);
  throw new Error('next start did not answer within 60 s');
}

function run(url, seconds) {
  return new Promise((resolve, reject) => {
    autocannon({ url, connections, duration: seconds, timeout: 10 }, (error, result) => (error ? reject(error) : resolve(result)));
  });
}

if (!process.argv.includes('--no-build')) {
  const build = spawnSync('npm', ['run', 'build'], { env, stdio: 'inherit' });
  if (build.status !== 0) process.exit(build.status ?? 1);
}

const port = await freePort();
const server = await startServer(port);
const url = `http://127.0.0.1:${port}${path}`;
try {
  // Warm up under the same load (JIT, caches, heap sizing), so "before" is the steady state, not a cold start.
  await run(url, 10);
  const before = treeRss(server.pid);
  const result = await run(url, durationSeconds);
  const after = treeRss(server.pid);
  // A leak stays after the collector had a moment; garbage from the last second does not.
  await new Promise((resolve) => setTimeout(resolve, 5_000));
  const settled = treeRss(server.pid);
  const mb = (bytes) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
  const growth = (bytes) => `${(((bytes - before) / before) * 100).toFixed(1)} %`;
  const rows = [
    ['page', path],
    ['load', `${connections} connections for ${durationSeconds} s on 127.0.0.1`],
    ['requests', `${result.requests.total} (${result.requests.average.toFixed(0)} per second on average)`],
    ['latency p50 / p99', `${result.latency.p50} ms / ${result.latency.p99} ms`],
    ['errors', `${result.errors} (timeouts ${result.timeouts}) — target 0`],
    ['non-2xx answers', `${result.non2xx} — target 0`],
    ['server memory before', `${mb(before)} (after a 10 s warm-up at the same load)`],
    ['server memory after', `${mb(after)} right after, ${mb(settled)} 5 s later`],
    ['memory growth', `${growth(after)} right after, ${growth(settled)} 5 s later — target under 10 %`],
    ['machine load', `${os.loadavg().map((n) => n.toFixed(1)).join(' / ')} (1/5/15 min) on ${os.cpus().length} cores`],
  ];
  const width = Math.max(...rows.map(([name]) => name.length));
  for (const [name, value] of rows) console.log(`${name.padEnd(width)}  ${value}`);
} finally {
  process.kill(-server.pid);
}
