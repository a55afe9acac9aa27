// A preload for build processes, counting opencc-js converters from outside lib/:
// the bench compiles this file to CommonJS and sets
//   NODE_OPTIONS="--require <that .cjs>" BENCH_CONVERTER_COUNT_LOG=<file>
// on `next build`; Next's build workers inherit NODE_OPTIONS (next/dist/lib/worker.js
// passes it on). At exit each process appends `<pid> <count> <directions>` to the
// log: the results held in the store lib/memo.ts keeps on globalThis under
// 'opencc-converter' (a production process only), keyed (from, to). A process
// that never converted writes `<pid> 0 -`.
import fs from 'node:fs';

/** The store's node, as lib/memo.ts declares it on globalThis. */
type MemoNode = NonNullable<typeof globalThis.zhNewsMemoStores> extends Map<string, infer Node> ? Node : never;

/** The argument paths under which a node (or its descendants) holds a result; object keys cannot be listed. */
function resultPaths(node: MemoNode, keys: readonly string[] = []): string[] {
  const here = node.result ? [keys.join('>')] : [];
  const below = [...(node.byValue ?? [])].flatMap(([key, child]) => resultPaths(child, [...keys, String(key)]));
  return [...here, ...below];
}

const logFile = process.env.BENCH_CONVERTER_COUNT_LOG;
let written = false;

function writeCount(): void {
  if (!logFile || written) return;
  written = true;
  const store = globalThis.zhNewsMemoStores?.get('opencc-converter');
  const paths = store ? resultPaths(store) : [];
  // One short line in append mode: lines of processes exiting at once do not interleave.
  fs.appendFileSync(logFile, `${process.pid} ${paths.length} ${paths.join(',') || '-'}\n`);
}

if (logFile) {
  process.on('exit', writeCount);
  // Next ends its static-generation workers with SIGINT (jest-worker's end(), then SIGTERM
  // after 500 ms), which skips 'exit'. Count, then let the signal do what it would have done.
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    const onSignal = (): void => {
      writeCount();
      process.removeListener(signal, onSignal);
      // Another listener means the process handles this signal itself: leave it to that one.
      if (process.listenerCount(signal) === 0) process.kill(process.pid, signal);
    };
    process.on(signal, onSignal);
  }
}
