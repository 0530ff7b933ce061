import { describe, expect, it } from 'vitest';
import { startIdleCollector } from '../../runtime/idle-collector.js';

/** Keeps the event loop busy for `ms` of straight computation. */
function spin(ms: number): void {
  const end = performance.now() + ms;
  while (performance.now() < end) Math.sqrt(Math.random());
}
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('startIdleCollector', () => {
  it('collects once when a busy spell ends, not while idle, not again until the next one', async () => {
    let calls = 0;
    const collector = startIdleCollector({ collect: () => calls++, intervalMs: 100 })!;
    try {
      await sleep(350); // idle from the start: nothing to give back
      expect(calls).toBe(0);
      for (let i = 0; i < 3; i++) {
        spin(80); // a burst: most of an interval running code
        await sleep(25);
      }
      await sleep(400); // the burst ended: one collection
      expect(calls).toBe(1);
      await sleep(300); // still idle: no more
      expect(calls).toBe(1);
      for (let i = 0; i < 3; i++) {
        spin(80);
        await sleep(25);
      }
      await sleep(400);
      expect(calls).toBe(2);
      expect(collector.collections).toBe(2);
    } finally {
      collector.stop();
    }
  });

  it('is off without a collector to call (node started without --expose-gc)', () => {
    const holder = globalThis as { gc?: () => void };
    const exposed = holder.gc;
    delete holder.gc;
    try {
      expect(startIdleCollector()).toBeNull();
    } finally {
      if (exposed) holder.gc = exposed;
    }
  });
});
