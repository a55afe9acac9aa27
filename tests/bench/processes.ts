// Child processes for the bench: timed runs with the peak memory of their whole
// process tree, servers in their own process group, ports on 127.0.0.1.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';

/** Variables added to a child's environment. */
export type ExtraEnv = Readonly<Record<string, string>>;

/** The environment of every child: no telemetry calls from a closed network. */
export const childEnv: NodeJS.ProcessEnv = { ...process.env, NEXT_TELEMETRY_DISABLED: '1' };

const started = Date.now();

/** Progress on stderr, so stdout holds only the report. */
export function progress(tag: string, line: string): void {
  process.stderr.write(`[${tag} ${((Date.now() - started) / 1000).toFixed(0)} s] ${line}\n`);
}

const hasProc = fs.existsSync('/proc/self/stat');

interface ProcEntry {
  readonly pid: number;
  readonly ppid: number;
  readonly name: string;
}

function processTable(): ProcEntry[] {
  const entries: ProcEntry[] = [];
  for (const name of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      // The command name in field 2 may hold spaces and parentheses: read after the last ')'.
      const stat = fs.readFileSync(`/proc/${name}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      entries.push({
        pid: Number(name),
        ppid: Number(fields[1]),
        name: stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')')),
      });
    } catch {
      // the process ended while we looked
    }
  }
  return entries;
}

/** A process and all its descendants, with their command names; empty where /proc is missing. */
export function processTree(root: number): ProcEntry[] {
  if (!hasProc) return [];
  const table = processTable();
  const inTree = new Set([root]);
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
  return table.filter(({ pid }) => inTree.has(pid));
}

/**
 * Memory of one process in bytes. PSS (proportional set size) splits shared
 * pages between the processes mapping them, so a sum over a tree of node
 * processes counts the node binary once; RSS is what `ps` and `top` show.
 */
function memoryOf(pid: number, kind: 'pss' | 'rss'): number {
  if (kind === 'pss') {
    try {
      const pss = /^Pss:\s+(\d+) kB/m.exec(fs.readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8'));
      if (pss?.[1]) return Number(pss[1]) * 1024;
    } catch {
      // no smaps_rollup (old kernel, or the process ended): fall back to the resident set
    }
  }
  try {
    return Number(fs.readFileSync(`/proc/${pid}/statm`, 'utf8').split(' ')[1] ?? 0) * 4096;
  } catch {
    return 0;
  }
}

/** Memory of a process tree in bytes (PSS or RSS summed); null where /proc is missing. */
export function treeMemory(root: number, kind: 'pss' | 'rss'): number | null {
  if (!hasProc) return null;
  return processTree(root).reduce((sum, { pid }) => sum + memoryOf(pid, kind), 0);
}

/** What a timed run measured. */
export interface RunResult {
  readonly seconds: number;
  /** Peak PSS of the process tree, sampled every 100 ms; null where /proc is missing. */
  readonly peakBytes: number | null;
  readonly output: string;
  /** Second at which each mark's pattern first showed in the output. */
  readonly marks: Readonly<Record<string, number>>;
  readonly exitCode: number | null;
  /** Node processes seen in the tree while it ran. */
  readonly nodePids: ReadonlySet<number>;
}

export interface RunOptions {
  readonly cwd: string;
  readonly extraEnv?: ExtraEnv;
  readonly marks?: Readonly<Record<string, RegExp>>;
  /** Killed (SIGKILL, the whole group) past this; every run is bounded. */
  readonly timeoutMs?: number;
  /** Resolve with the exit code instead of failing on one that is not 0. */
  readonly allowFailure?: boolean;
}

/** Runs a command to the end and measures it; fails with the output's tail when it does. */
export function timedRun(command: string, args: readonly string[], options: RunOptions): Promise<RunResult> {
  const { cwd, extraEnv = {}, marks = {}, timeoutMs = 20 * 60_000, allowFailure = false } = options;
  return new Promise((resolve, reject) => {
    const startedAt = process.hrtime.bigint();
    const elapsed = () => Number(process.hrtime.bigint() - startedAt) / 1e9;
    // Its own process group, so a timeout stops whatever it forked too.
    const child = spawn(command, args, {
      cwd,
      env: { ...childEnv, ...extraEnv },
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    });
    running.add(child);
    let output = '';
    const seen: Record<string, number> = {};
    const read = (chunk: Buffer) => {
      output += chunk.toString('utf8');
      for (const [name, pattern] of Object.entries(marks))
        if (seen[name] === undefined && pattern.test(output)) seen[name] = elapsed();
    };
    child.stdout.on('data', read);
    child.stderr.on('data', read);
    let peak = 0;
    const nodePids = new Set<number>();
    const sample = () => {
      if (child.pid === undefined) return;
      const tree = processTree(child.pid);
      for (const entry of tree) if (entry.name === 'node') nodePids.add(entry.pid);
      peak = Math.max(
        peak,
        tree.reduce((sum, { pid }) => sum + memoryOf(pid, 'pss'), 0),
      );
    };
    const sampler = hasProc ? setInterval(sample, 100) : undefined;
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      if (child.pid !== undefined) signalGroup(child.pid, 'SIGKILL');
    }, timeoutMs);
    child.on('error', reject);
    child.on('close', (code) => {
      running.delete(child);
      clearInterval(sampler);
      clearTimeout(timer);
      const seconds = elapsed();
      if (timedOut)
        reject(new Error(`${command} ${args.join(' ')} stopped after ${timeoutMs / 1000} s:\n${output.slice(-4000)}`));
      else if (code !== 0 && !allowFailure)
        reject(new Error(`${command} ${args.join(' ')} failed (exit ${code}):\n${output.slice(-4000)}`));
      else resolve({ seconds, peakBytes: hasProc ? peak : null, output, marks: seen, exitCode: code, nodePids });
    });
  });
}

function signalGroup(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pid, signal);
  } catch {
    // already gone
  }
}

function isFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });
}

// The project's bench ports start at 3700 (BENCH_PORT moves them), clear of the tests' 3100 and up.
let nextPort = Number(process.env.BENCH_PORT) || 3700;

/** The next free port on 127.0.0.1 from BENCH_PORT (default 3700) upwards. */
export async function freePort(): Promise<number> {
  for (let tries = 0; tries < 100; tries += 1) {
    const port = nextPort;
    nextPort += 1;
    if (await isFree(port)) return port;
  }
  throw new Error(`no free port on 127.0.0.1 in the 100 below ${nextPort}`);
}

// Every child in its own process group still running, for stopAll(): a terminal's Ctrl-C reaches none of them.
const running = new Set<ChildProcess>();

export interface ServerOptions {
  readonly cwd: string;
  /** Answering 200 here means the server is up. */
  readonly url: string;
  readonly extraEnv?: ExtraEnv;
  readonly timeoutMs?: number;
}

/** Starts a server in its own process group and waits until `url` answers 200. */
export async function startServer(
  command: string,
  args: readonly string[],
  options: ServerOptions,
): Promise<ChildProcess> {
  const { cwd, url, extraEnv = {}, timeoutMs = 60_000 } = options;
  const child = spawn(command, args, {
    cwd,
    env: { ...childEnv, ...extraEnv },
    detached: true,
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let errors = '';
  child.stderr.on('data', (chunk: Buffer) => (errors += chunk.toString('utf8')));
  running.add(child);
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline && child.exitCode === null) {
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(5_000) });
      await response.arrayBuffer();
      if (response.ok) return child;
    } catch {
      // not listening yet
    }
    await sleep(200);
  }
  await stopServer(child);
  throw new Error(
    `${command} ${args.join(' ')} did not answer ${url} within ${timeoutMs / 1000} s\n${errors.slice(-2000)}`,
  );
}

/** Stops a server and every process it forked (next start forks its own); SIGKILL after 10 s. */
export async function stopServer(child: ChildProcess): Promise<void> {
  running.delete(child);
  if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  signalGroup(child.pid, 'SIGTERM');
  const pid = child.pid;
  await Promise.race([exited, sleep(10_000).then(() => signalGroup(pid, 'SIGKILL'))]);
}

/** Stops every child still running (servers, builds): on the way out, even after a failure or Ctrl-C. */
export function stopAll(): void {
  for (const child of running) if (child.pid !== undefined) signalGroup(child.pid, 'SIGTERM');
  running.clear();
}

/** Runs `main`, stopping every child on the way out, whether it ends, fails or is interrupted. */
export function runMain(main: () => Promise<void>): void {
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      stopAll();
      process.exit(130);
    });
  }
  main()
    .catch((error: unknown) => {
      process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
      process.exitCode = 1;
    })
    .finally(stopAll);
}

export const sleep = (milliseconds: number): Promise<void> =>
  new Promise((resolve) => setTimeout(resolve, milliseconds));
