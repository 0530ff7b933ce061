/**
 * Preloaded into a product process by bench/memory.bench.ts (`--import`): on SIGUSR2 it
 * runs a full GC and prints one `MEMORY {json}` line to stderr — RSS, heap used/total,
 * external, arrayBuffers after the GC, and the same before it (`before`) — so the bench can tell live heap from what V8 and malloc keep.
 * Plain JS so that it loads in the compiled build without tsx.
 */
import v8 from 'node:v8';
import vm from 'node:vm';

// The same as `--expose-gc`, which NODE_OPTIONS does not accept.
v8.setFlagsFromString('--expose-gc');
const gc = vm.runInNewContext('gc');
const mib = (bytes) => Number((bytes / 1048576).toFixed(1));

process.on('SIGUSR2', async () => {
  const before = process.memoryUsage();
  for (let i = 0; i < 3; i++) {
    gc();
    await new Promise((resolve) => setTimeout(resolve, 30));
  }
  const m = process.memoryUsage();
  process.stderr.write(`MEMORY ${JSON.stringify({ rss: mib(m.rss), heapUsed: mib(m.heapUsed), heapTotal: mib(m.heapTotal), external: mib(m.external), arrayBuffers: mib(m.arrayBuffers), before: { rss: mib(before.rss), heapUsed: mib(before.heapUsed), heapTotal: mib(before.heapTotal), external: mib(before.external) } })}\n`);
});
