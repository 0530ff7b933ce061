import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FakeReply, RecordedCall } from '../fakes/fake-server.js';
import { printFigures, startFaultApp, tally, until, waitFor, PLATFORM_CHANNELS, type FaultApp, type PlatformChannel } from './support/fault-app.js';
import { deliver, streamUpdate, type StreamUpdate } from './support/update-stream.js';

/**
 * The platforms misbehave while users keep writing: first every send hangs 10 s
 * before the platform answers (under SEND_TIMEOUT_SECONDS, so it is waited for,
 * not abandoned), then a storm of 500 / 502 (JSON and an HTML proxy page) refuses
 * every send until it has refused STORM of them. Sends back off and finish; every
 * reply reaches its user exactly once; the webhooks keep answering 2xx while the
 * sends are stuck, because ingress only enqueues.
 *
 * Counts, not times, are asserted: how many webhook posts were answered 2xx while
 * at least one send was held by the slow platform, and during the storm. The
 * latencies are printed for the record.
 */
const PER_BATCH = 6;
const SLOW_MS = 10_000;
const STORM = 30;

const isSend = (call: RecordedCall) => call.path.endsWith('/sendMessage') || call.path === '/v3.0/oa/message/cs';

describe('slow platform, then a 5xx storm', () => {
  let f: FaultApp;
  let mode: 'slow' | 'storm' = 'slow';
  let held = 0;
  let stormLeft = STORM;

  /** Stands in front of every fake: holds sends while slow, refuses them during the storm. */
  async function misbehave(call: RecordedCall): Promise<FakeReply | undefined> {
    if (!isSend(call)) return undefined;
    if (mode === 'storm' && stormLeft > 0) {
      stormLeft -= 1;
      return stormLeft % 2 === 0
        ? { status: 500, body: { ok: false, error_code: 500, description: 'Internal Server Error' } }
        : { status: 502, body: '<html><body><h1>502 Bad Gateway</h1></body></html>', headers: { 'content-type': 'text/html' } };
    }
    if (mode === 'slow') {
      held += 1;
      await new Promise((r) => setTimeout(r, SLOW_MS));
      held -= 1;
    }
    return undefined;
  }

  beforeAll(async () => {
    f = await startFaultApp({ env: { SEND_TIMEOUT_SECONDS: '15' } });
    for (const fake of [f.tg, f.zb, f.oa]) fake.intercept = misbehave;
  });
  afterAll(async () => {
    await f?.stop();
  });

  it('backs off and delivers every reply once; webhooks answer 2xx throughout', async () => {
    const batch = (tag: number) => Array.from({ length: PER_BATCH }, (_, i) => streamUpdate(tag, i));
    const [slowBatch, whileHeld, duringStorm] = [batch(21), batch(22), batch(23)];
    const latencies: number[] = [];
    let answeredWhileHeld = 0;
    let answeredDuringStorm = 0;
    const post = async (u: StreamUpdate) => {
      latencies.push(await deliver(f, u));
      if (u.statuses.at(-1) !== 200) return;
      if (held > 0) answeredWhileHeld += 1;
      if (mode === 'storm' && stormLeft > 0 && stormLeft < STORM) answeredDuringStorm += 1;
    };

    for (const u of slowBatch) await post(u);
    await until(() => held > 0, 'a send held by the slow platform', 30_000);
    for (const u of whileHeld) await post(u);

    mode = 'storm';
    await until(() => stormLeft < STORM, 'the storm to refuse a first send', 30_000);
    for (const u of duringStorm) await post(u);
    await until(() => stormLeft === 0, `the storm to refuse ${STORM} sends`, 60_000);

    const updates = [...slowBatch, ...whileHeld, ...duringStorm];
    const key = (channel: PlatformChannel, chatId: string) => `${channel}:${chatId}`;
    const delivered = () =>
      PLATFORM_CHANNELS.flatMap((c) =>
        f
          .sends(c)
          .filter((s) => s.call.status === 200)
          .map((s) => key(c, s.chatId)),
      );
    await waitFor(() => {
      const seen = new Set(delivered());
      return updates.every((u) => seen.has(key(u.channel, u.chatId)));
    }, 90_000);
    await waitFor(async () => (await f.t.db.prisma.outboundMessage.count({ where: { status: 'pending' } })) === 0, 15_000);

    const perChat = tally(delivered());
    const lost = updates.filter((u) => !perChat.has(key(u.channel, u.chatId)));
    const duplicates = updates.reduce((sum, u) => sum + Math.max(0, (perChat.get(key(u.channel, u.chatId)) ?? 0) - 1), 0);
    const attempts = PLATFORM_CHANNELS.flatMap((c) => f.sends(c)).length;
    const retried = await f.t.db.prisma.outboundMessage.count({ where: { attempts: { gt: 1 } } });
    const statuses = updates.flatMap((u) => u.statuses);
    printFigures('slow platform then 5xx storm', {
      sent: statuses.length,
      accepted: statuses.filter((s) => s === 200).length,
      answered: updates.length - lost.length,
      duplicates,
      losses: lost.length,
      sendAttempts: attempts,
      refused5xx: STORM - stormLeft,
      outboxRowsRetried: retried,
      webhooksAnsweredWhileSendsHeld: answeredWhileHeld,
      webhooksAnsweredDuringStorm: answeredDuringStorm,
      slowestWebhookMs: Math.max(...latencies),
      medianWebhookMs: [...latencies].sort((a, b) => a - b)[Math.floor(latencies.length / 2)]!,
    });

    expect(statuses.every((s) => s === 200), `webhook statuses ${statuses.join(',')}`).toBe(true);
    // The sends were stuck while these were answered: ingress does not wait for the platform.
    expect(answeredWhileHeld).toBeGreaterThanOrEqual(PER_BATCH);
    expect(answeredDuringStorm).toBeGreaterThanOrEqual(1);
    expect(STORM - stormLeft).toBe(STORM);
    expect(retried, 'refused sends were retried by the queue').toBeGreaterThan(0);
    expect(lost.map((u) => key(u.channel, u.chatId))).toEqual([]);
    expect(duplicates).toBe(0);
  });
});

/**
 * A platform that never answers some requests: SEND_TIMEOUT_SECONDS (2 s here)
 * abandons the request and the queue retries it. The first request of each chat
 * hangs until HANG_MS and then gets a 504 (the platform never took it); the
 * retry must arrive while that first request is still hanging, which is only
 * possible when the configured timeout cut it (the default, 20 s, would not).
 */
describe('a platform that hangs: the configured send timeout', () => {
  const HANG_MS = 8_000;
  let f: FaultApp;
  const hanging = new Set<string>();
  const firstSeen = new Set<string>();
  let retriesWhileHanging = 0;

  beforeAll(async () => {
    f = await startFaultApp({ env: { SEND_TIMEOUT_SECONDS: '2' } });
    const chatOf = (call: RecordedCall) =>
      String((call.body.recipient as { user_id?: unknown } | undefined)?.user_id ?? call.body.chat_id ?? '');
    const hang = async (call: RecordedCall): Promise<FakeReply | undefined> => {
      if (!isSend(call)) return undefined;
      const chat = `${call.path}:${chatOf(call)}`;
      if (hanging.has(chat)) retriesWhileHanging += 1;
      if (firstSeen.has(chat)) return undefined;
      firstSeen.add(chat);
      hanging.add(chat);
      await new Promise((r) => setTimeout(r, HANG_MS));
      hanging.delete(chat);
      return { status: 504, body: '<html>504 Gateway Time-out</html>', headers: { 'content-type': 'text/html' } };
    };
    for (const fake of [f.tg, f.zb, f.oa]) fake.intercept = hang;
  });
  afterAll(async () => {
    await f?.stop();
  });

  it('abandons a hung request after SEND_TIMEOUT_SECONDS and delivers once on the retry', async () => {
    const updates = Array.from({ length: 3 }, (_, i) => streamUpdate(24, i));
    for (const u of updates) await deliver(f, u);
    const key = (channel: PlatformChannel, chatId: string) => `${channel}:${chatId}`;
    const delivered = () => PLATFORM_CHANNELS.flatMap((c) => f.sends(c).filter((s) => s.call.status === 200).map((s) => key(c, s.chatId)));
    await waitFor(() => updates.every((u) => delivered().includes(key(u.channel, u.chatId))), 60_000);
    const perChat = tally(delivered());
    printFigures('platform hangs past SEND_TIMEOUT_SECONDS', {
      sent: updates.length,
      accepted: updates.filter((u) => u.statuses.at(-1) === 200).length,
      answered: updates.filter((u) => perChat.has(key(u.channel, u.chatId))).length,
      duplicates: [...perChat.values()].reduce((sum, n) => sum + n - 1, 0),
      losses: updates.filter((u) => !perChat.has(key(u.channel, u.chatId))).length,
      hungRequests: firstSeen.size,
      retriesWhileHanging,
    });
    expect(firstSeen.size).toBe(3);
    expect(retriesWhileHanging, 'each hung request was abandoned and retried before the platform gave up').toBe(3);
    expect(updates.map((u) => perChat.get(key(u.channel, u.chatId)) ?? 0)).toEqual([1, 1, 1]);
  });
});
