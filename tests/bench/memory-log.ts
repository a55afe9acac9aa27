// A preload for `next start` under load (NODE_OPTIONS="--require <this file
// compiled to .cjs>" BENCH_MEMORY_LOG=<file>): every second each server process
// appends `<ms since epoch> <pid> <rss> <heapTotal> <heapUsed> <external> <arrayBuffers> sample`
// (bytes, process.memoryUsage()) to the log. RSS alone cannot tell a JS heap
// that keeps growing (a leak, or a cache) from one V8 sized up once and keeps.
// On SIGUSR2 (which Next does not use) it runs a full garbage collection and
// writes a line ending in `gc`: the heap that is really alive, between rounds.
import fs from 'node:fs';
import v8 from 'node:v8';
import vm from 'node:vm';

const logFile = process.env.BENCH_MEMORY_LOG;

/** V8's gc(), reachable without starting node with --expose-gc (which NODE_OPTIONS may not carry). */
function collector(): (() => void) | undefined {
  v8.setFlagsFromString('--expose-gc');
  const gc: unknown = vm.runInNewContext('gc');
  // V8's gc takes no argument and returns nothing; only its presence is checked here.
  return typeof gc === 'function' ? () => void Reflect.apply(gc, undefined, []) : undefined;
}

if (logFile) {
  const write = (kind: 'sample' | 'gc'): void => {
    const { rss, heapTotal, heapUsed, external, arrayBuffers } = process.memoryUsage();
    fs.appendFileSync(
      logFile,
      `${Date.now()} ${process.pid} ${rss} ${heapTotal} ${heapUsed} ${external} ${arrayBuffers} ${kind}\n`,
    );
  };
  // unref: the sampler never keeps a process alive that would otherwise end.
  setInterval(() => write('sample'), 1_000).unref();
  const gc = collector();
  if (gc) {
    process.on('SIGUSR2', () => {
      gc();
      write('gc');
    });
  }
}
