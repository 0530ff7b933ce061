import { describe, expect, it } from 'vitest';
import { startIdleCollector } from '../../runtime/idle-collector.js';
import { until } from '../helpers/until.js';

describe('startIdleCollector', () => {
  it('collects once when a busy spell ends, not while idle, not again until the next one', async () => {
    // The utilisation of each interval, scripted: idle, a burst, idle for a while, a second burst, idle.
    const script = [0, 0.002, 0.6, 0.9, 0.3, 0.004, 0, 0, 0.001, 0.7, 0.02, 0.003, 0];
    let read = 0;
    let calls = 0;
    const collectedAt: number[] = [];
    const collector = startIdleCollector({
      collect: () => {
        calls++;
        collectedAt.push(read);
      },
      intervalMs: 5,
      sample: () => script[Math.min(read++, script.length - 1)]!,
    })!;
    try {
      await until(() => read >= script.length + 3, 'the script read to its end');
      // After the first burst's first quiet interval (read 6), and after the second's (read 12) — the
      // 0.02 interval is neither busy nor idle: still winding down.
      expect(collectedAt).toEqual([6, 12]);
      expect(calls).toBe(2);
      expect(collector.collections).toBe(2);
    } finally {
      collector.stop();
    }
  });

  it('reads the event loop when no sample is given, and never collects while the loop stays idle', async () => {
    let calls = 0;
    const collector = startIdleCollector({ collect: () => calls++, intervalMs: 5, busyAbove: 1.1 })!;
    try {
      await new Promise((resolve) => setTimeout(resolve, 60));
      expect(calls).toBe(0);
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
