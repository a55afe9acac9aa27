// Child processes for the bench: timed builds with the peak memory of their
// whole process tree, servers in their own process group, ports on 127.0.0.1.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';

export const env = { ...process.env, NEXT_TELEMETRY_DISABLED: '1' };

function childrenOf() {
  const parents = new Map();
  for (const name of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      // The command name in field 2 may hold spaces and parentheses: read after the last ')'.
      const stat = fs.readFileSync(`/proc/${name}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      parents.set(Number(name), ppid);
    } catch {
      // the process ended while we looked
    }
  }
  return parents;
}

// Proportional set size: shared pages are split between the processes that map them,
// so the sum over a tree of node processes does not count the node binary once per process.
function memoryOf(pid) {
  try {
    const rollup = fs.readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8');
    const pss = /^Pss:\s+(\d+) kB/m.exec(rollup);
    if (pss) return Number(pss[1]) * 1024;
  } catch {
    // fall back to the resident set
  }
  try {
    const statm = fs.readFileSync(`/proc/${pid}/statm`, 'utf8').split(' ');
    return Number(statm[1]) * 4096;
  } catch {
    return 0;
  }
}

function treeMemory(root) {
  const parents = childrenOf();
  const tree = new Set([root]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const [pid, ppid] of parents) {
      if (!tree.has(pid) && tree.has(ppid)) {
        tree.add(pid);
        grew = true;
      }
    }
  }
  let total = 0;
  for (const pid of tree) total += memoryOf(pid);
  return total;
}

const canSampleMemory = fs.existsSync('/proc/self/stat');

/**
 * Runs a command to the end and measures it: wall seconds, the peak memory of
 * its process tree (sampled every 100 ms; null where /proc is missing), its
 * output, and the second at which each of `marks` (name → pattern) first showed in it.
 */
export function timedRun(command, args, { cwd, extraEnv = {}, marks = {}, timeoutMs = 20 * 60_000 } = {}) {
  return new Promise((resolve, reject) => {
    const started = process.hrtime.bigint();
    const elapsed = () => Number(process.hrtime.bigint() - started) / 1e9;
    const child = spawn(command, args, { cwd, env: { ...env, ...extraEnv }, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    const seen = {};
    const read = (chunk) => {
      output += chunk;
      for (const [name, pattern] of Object.entries(marks)) if (seen[name] === undefined && pattern.test(output)) seen[name] = elapsed();
    };
    child.stdout.on('data', read);
    child.stderr.on('data', read);
    let peak = 0;
    const sampler = canSampleMemory
      ? setInterval(() => {
          peak = Math.max(peak, treeMemory(child.pid));
        }, 100)
      : undefined;
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('error', reject);
    child.on('close', (code) => {
      clearInterval(sampler);
      clearTimeout(timer);
      const seconds = elapsed();
      if (code !== 0) {
        reject(new Error(`${command} ${args.join(' ')} failed (exit ${code}):\n${output.slice(-4000)}`));
        return;
      }
      resolve({ seconds, peakBytes: canSampleMemory ? peak : null, output, marks: seen });
    });
  });
}

function isFree(port) {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });
}

let nextPort = Number(process.env.BENCH_PORT) || 0;

/** A free port on 127.0.0.1: from BENCH_PORT upwards when set, else one the system picks. */
export async function freePort() {
  if (nextPort > 0) {
    for (let tries = 0; tries < 50; tries += 1) {
      const port = nextPort;
      nextPort += 1;
      if (await isFree(port)) return port;
    }
    throw new Error('no free port in the 50 above BENCH_PORT');
  }
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

const started = new Set();

/** Starts a server in its own process group and waits until `url` answers 200. */
export async function startServer(command, args, { cwd, url, extraEnv = {}, timeoutMs = 60_000 }) {
  const child = spawn(command, args, { cwd, env: { ...env, ...extraEnv }, detached: true, stdio: ['ignore', 'ignore', 'pipe'] });
  let errors = '';
  child.stderr.on('data', (chunk) => (errors += chunk));
  started.add(child);
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) break;
    try {
      const response = await fetch(url);
      if (response.ok) return child;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  stopServer(child);
  throw new Error(`${command} ${args.join(' ')} did not answer ${url} within ${timeoutMs / 1000} s\n${errors.slice(-2000)}`);
}

/** Stops a server and every process it forked (next start forks its own). */
export function stopServer(child) {
  started.delete(child);
  try {
    process.kill(-child.pid, 'SIGTERM');
  } catch {
    // already gone
  }
}

/** Stops every server still running: on the way out, even after a failure. */
export function stopAllServers() {
  for (const child of [...started]) stopServer(child);
}
