// The memory of a `next start` under load, read two ways: RSS of its process
// tree from /proc, and each server process's own process.memoryUsage() as the
// memory-log preload writes it every second (tests/bench/memory-log.ts).
import fs from 'node:fs';
import { treeMemory } from './processes';

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
export function heapSince(logFile: string, sinceMs: number, untilMs: number = Infinity): HeapFigures {
  const latest = new Map<number, HeapSample>();
  const floor = new Map<number, number>();
  const text = fs.existsSync(logFile) ? fs.readFileSync(logFile, 'utf8') : '';
  for (const line of text.split('\n')) {
    const fields = line.split(' ').map(Number);
    if (fields.length !== 7 || fields.some((field) => !Number.isFinite(field))) continue;
    const [time = 0, pid = 0, rss = 0, heapTotal = 0, heapUsed = 0, external = 0, arrayBuffers = 0] = fields;
    if (time > untilMs) continue;
    latest.set(pid, { time, pid, rss, heapTotal, heapUsed, external, arrayBuffers });
    if (time >= sinceMs) floor.set(pid, Math.min(floor.get(pid) ?? Infinity, heapUsed));
  }
  const sum = (pick: (sample: HeapSample) => number) => [...latest.values()].reduce((total, sample) => total + pick(sample), 0);
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
 * A plateau grows less every round, toward 0; a leak grows by about the same
 * every round; flat barely moves at all. `values` are the figure before the
 * first round and after each round.
 */
export function judgeGrowth(values: readonly number[]): Verdict {
  const before = values[0];
  if (before === undefined || values.length < 3) return { name: 'unclear', why: 'fewer than 2 rounds' };
  const steps = values.slice(1).map((value, index) => value - (values[index] ?? value));
  const first = steps[0] ?? 0;
  const last = steps.at(-1) ?? 0;
  const total = (values.at(-1) ?? before) - before;
  const share = (bytes: number) => `${((bytes / before) * 100).toFixed(1)} %`;
  const list = steps.map(share).join(', ');
  if (Math.abs(total) < 0.02 * before) return { name: 'flat', why: `${share(total)} over all rounds (steps ${list})` };
  if (Math.abs(last) < 0.01 * before || (first > 0 && last <= 0.25 * first)) {
    return { name: 'plateau', why: `growth per round shrinks toward 0 (steps ${list})` };
  }
  if (steps.every((step) => step > 0) && last >= 0.5 * first) return { name: 'leak', why: `steady growth every round (steps ${list})` };
  return { name: 'unclear', why: `steps ${list}: run more rounds` };
}
