// The memory of a `next start` under load, read two ways: RSS of its process
// tree from /proc, and each server process's own process.memoryUsage() as the
// memory-log preload writes it every second (tests/bench/memory-log.ts).
import fs from 'node:fs';
import { processTree, sleep, treeMemory } from './processes';
import { fitLine } from './stats';

/** One process's last memoryUsage() line, in bytes. */
export interface HeapSample {
  readonly time: number;
  readonly pid: number;
  readonly rss: number;
  readonly heapTotal: number;
  readonly heapUsed: number;
  readonly external: number;
  readonly arrayBuffers: number;
}

/** The lines of the memory log (tests/bench/memory-log.ts); a line cut short by a write in progress is skipped. */
function readLog(logFile: string): (HeapSample & { readonly kind: 'sample' | 'gc' })[] {
  const text = fs.existsSync(logFile) ? fs.readFileSync(logFile, 'utf8') : '';
  return text.split('\n').flatMap((line) => {
    const fields = line.split(' ');
    const kind = fields[7];
    const numbers = fields.slice(0, 7).map(Number);
    if ((kind !== 'sample' && kind !== 'gc') || numbers.length !== 7 || numbers.some((n) => !Number.isFinite(n)))
      return [];
    const [time = 0, pid = 0, rss = 0, heapTotal = 0, heapUsed = 0, external = 0, arrayBuffers = 0] = numbers;
    return [{ time, pid, rss, heapTotal, heapUsed, external, arrayBuffers, kind }];
  });
}

/**
 * Asks every server process that loaded the memory-log preload for a full
 * garbage collection (SIGUSR2) and returns the heap alive after it, summed.
 * Only processes of the server's tree that have written to the log are
 * signalled: one without the preload would be ended by SIGUSR2.
 */
export async function liveHeapAfterGc(logFile: string, serverPid: number | undefined): Promise<number | null> {
  const asked = Date.now();
  const inTree = new Set(serverPid === undefined ? [] : processTree(serverPid).map((entry) => entry.pid));
  const pids = new Set(
    readLog(logFile)
      .map((sample) => sample.pid)
      .filter((pid) => inTree.has(pid)),
  );
  if (pids.size === 0) return null;
  for (const pid of pids) {
    try {
      process.kill(pid, 'SIGUSR2');
    } catch {
      pids.delete(pid); // gone
    }
  }
  for (let tries = 0; tries < 20; tries += 1) {
    await sleep(250);
    const after = new Map(
      readLog(logFile)
        .filter((s) => s.kind === 'gc' && s.time >= asked)
        .map((s) => [s.pid, s.heapUsed]),
    );
    if ([...pids].every((pid) => after.has(pid))) return [...after.values()].reduce((a, b) => a + b, 0);
  }
  return null;
}

/** The server's heap over a window: the latest sample and the lowest heap used, summed over its processes. */
export interface HeapFigures {
  readonly processes: number;
  readonly heapTotal: number;
  readonly heapUsed: number;
  /** The lowest heap used in the window: what survives the collector, where one sample catches garbage too. */
  readonly heapFloor: number;
  readonly external: number;
}

/** Reads the memory log: the latest samples up to `untilMs`, and the floor of those written from `sinceMs` (ms since epoch). */
export function heapSince(logFile: string, sinceMs: number, untilMs = Infinity): HeapFigures {
  const latest = new Map<number, HeapSample>();
  const floor = new Map<number, number>();
  for (const sample of readLog(logFile)) {
    const { time, pid, heapUsed } = sample;
    if (time > untilMs) continue;
    latest.set(pid, sample);
    if (time >= sinceMs) floor.set(pid, Math.min(floor.get(pid) ?? Infinity, heapUsed));
  }
  const sum = (pick: (sample: HeapSample) => number) =>
    [...latest.values()].reduce((total, sample) => total + pick(sample), 0);
  return {
    processes: latest.size,
    heapTotal: sum((s) => s.heapTotal),
    heapUsed: sum((s) => s.heapUsed),
    heapFloor: [...latest.values()].reduce((total, sample) => total + (floor.get(sample.pid) ?? sample.heapUsed), 0),
    external: sum((s) => s.external),
  };
}

/** RSS of the server's process tree; fails where /proc is missing, since every figure rests on it. */
export function serverRss(pid: number | undefined): number {
  const rss = pid === undefined ? null : treeMemory(pid, 'rss');
  if (rss === null) throw new Error('the server memory figures need /proc (Linux)');
  return rss;
}

/** Plateau or leak, from the growth of each round over the one before. */
export interface Verdict {
  readonly name: 'plateau' | 'leak' | 'flat' | 'unclear';
  readonly why: string;
}

/**
 * A leak grows by about the same every round (a straight line up); a plateau
 * grows less every round, toward 0, or goes up and down without new highs;
 * flat never moves more than 3 % from the start. `values` are the figure
 * before the first round and after each round.
 */
export function judgeGrowth(values: readonly number[]): Verdict {
  const before = values[0];
  if (before === undefined || values.length < 3) return { name: 'unclear', why: 'fewer than 2 rounds' };
  const steps = values.slice(1).map((value, index) => value - (values[index] ?? value));
  const first = steps[0] ?? 0;
  const last = steps.at(-1) ?? 0;
  const share = (bytes: number) => `${((bytes / before) * 100).toFixed(1)} %`;
  const list = `steps ${steps.map(share).join(', ')}`;
  const line = fitLine(values.map((y, x) => ({ x, y })));
  const perRound = line ? line.slope / before : 0;
  if (Math.max(...values.map((value) => Math.abs(value - before))) < 0.03 * before)
    return { name: 'flat', why: `within 3 % of the start (${list})` };
  if (line && perRound >= 0.01 && line.r2 >= 0.8 && last >= 0.5 * (line.slope || 1)) {
    return { name: 'leak', why: `a steady ${share(line.slope)} a round (R² ${line.r2.toFixed(2)}; ${list})` };
  }
  if (Math.abs(last) < 0.01 * before || (first > 0 && last <= 0.25 * first))
    return { name: 'plateau', why: `growth per round shrinks toward 0 (${list})` };
  // Up and down within a band: the later rounds set no new high above the earlier ones.
  const middle = Math.ceil(values.length / 2);
  if (Math.max(...values.slice(middle)) <= 1.02 * Math.max(...values.slice(0, middle))) {
    return { name: 'plateau', why: `up and down, no new high in the later rounds (${list})` };
  }
  return { name: 'unclear', why: `${list}: run more rounds` };
}
