// A preload for `next start` under load (NODE_OPTIONS="--require <this file
// compiled to .cjs>" BENCH_MEMORY_LOG=<file>): every second each server process
// appends `<ms since epoch> <pid> <rss> <heapTotal> <heapUsed> <external> <arrayBuffers>`
// (bytes, process.memoryUsage()) to the log. RSS alone cannot tell a JS heap
// that keeps growing (a leak, or a cache) from one V8 sized up once and keeps.
import fs from 'node:fs';

const logFile = process.env.BENCH_MEMORY_LOG;
if (logFile) {
  const write = (): void => {
    const { rss, heapTotal, heapUsed, external, arrayBuffers } = process.memoryUsage();
    fs.appendFileSync(logFile, `${Date.now()} ${process.pid} ${rss} ${heapTotal} ${heapUsed} ${external} ${arrayBuffers}\n`);
  };
  // unref: the sampler never keeps a process alive that would otherwise end.
  setInterval(write, 1_000).unref();
}
