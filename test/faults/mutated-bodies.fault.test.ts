import { afterAll, describe, expect, it } from 'vitest';
import { telegramPayloads, zaloBotPayloads, zaloOaPayloads } from '../fakes/payloads.js';
import { QUEUE_NAMES } from '../../runtime/queues.js';
import { startFaultApp, printFigures, tally, until, PLATFORM_CHANNELS, TG_SECRET, ZB_SECRET, type FaultApp, type PlatformChannel } from './support/fault-app.js';
import { startPrivateRedis, type PrivateRedis } from './support/private-redis.js';
import { mutatedBodies, oaMac, TG_HEADER, ZB_HEADER, type MutatedBody } from './support/mutated-bodies.js';

/**
 * Thousands of malformed-but-authentic webhook bodies (right secret, right
 * signature) must never get a 5xx — a platform redelivers a 5xx forever and
 * Telegram holds every later update behind it — nor crash anything; afterwards
 * /health is 200 and a normal message is still answered. Bodies with a wrong
 * secret or signature enqueue nothing.
 *
 * Phase 1 posts 10,000 bodies per channel to the webhooks role alone (the turns
 * would take minutes); phase 2 runs a few hundred through the whole pipeline so
 * the worker meets them too.
 */
/** FAULT_MUTATED_PER_CHANNEL lowers it for a quick local run; CI runs the full 10,000. */
const PER_CHANNEL = Number(process.env.FAULT_MUTATED_PER_CHANNEL ?? 10_000);
const THROUGH_WORKER = 150;
const BAD_SIGNATURES = 1_000;
const CONCURRENCY = 16;
const SECRETS = { telegram: TG_SECRET, zaloBot: ZB_SECRET };

async function postAll(f: FaultApp, channel: PlatformChannel, bodies: MutatedBody[]): Promise<number[]> {
  const statuses: number[] = new Array(bodies.length);
  let next = 0;
  const lane = async () => {
    for (let i = next++; i < bodies.length; i = next++) {
      const response = await fetch(`${f.t.app.url}/webhooks/${channel}`, {
        method: 'POST',
        body: bodies[i]!.raw,
        headers: { 'content-type': 'application/json', ...bodies[i]!.headers },
      });
      await response.arrayBuffer();
      statuses[i] = response.status;
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, lane));
  return statuses;
}

function histogram(statuses: number[]): string {
  return [...tally(statuses.map(String)).entries()].map(([status, n]) => `${status}:${n}`).join(',');
}

/** Bodies that would be accepted, but with the wrong secret or a signature over other bytes. */
function badlySigned(channel: PlatformChannel, count: number): MutatedBody[] {
  return Array.from({ length: count }, (_, i): MutatedBody => {
    if (channel === 'telegram') return { raw: Buffer.from(JSON.stringify(telegramPayloads.text('Xin chào', { userId: 930_000 + i }))), headers: { [TG_HEADER]: i % 2 ? 'wrong_secret_123' : '' } };
    if (channel === 'zalo-bot') return { raw: Buffer.from(JSON.stringify(zaloBotPayloads.text('Xin chào', { userId: `badsig${String(i).padStart(14, '0')}` }))), headers: { [ZB_HEADER]: `${ZB_SECRET}x` } };
    const body = zaloOaPayloads.text('Xin chào', { userId: `85638479100${String(i).padStart(8, '0')}` });
    const raw = Buffer.from(JSON.stringify(body));
    // Signed over the body before one character changed: what a tampering proxy would send.
    const signed = Buffer.from(JSON.stringify({ ...body, message: { msg_id: 'x', text: 'Xin chao' } }));
    return { raw, headers: { 'x-zevent-signature': `mac=${oaMac(signed, String(body.app_id), String(body.timestamp))}` } };
  });
}

describe('mutated webhook bodies with the right secrets', () => {
  const cleanups: Array<() => Promise<void>> = [];
  afterAll(async () => {
    for (const cleanup of cleanups.reverse()) await cleanup();
  });

  it(`phase 1: ${PER_CHANNEL} bodies per channel, 0 5xx; ${BAD_SIGNATURES} bad signatures enqueue nothing`, async () => {
    const redis: PrivateRedis = await startPrivateRedis();
    cleanups.push(() => redis.stop());
    const f = await startFaultApp({ redisUrl: redis.url, roles: ['webhooks'] });
    cleanups.push(() => f.stop());
    const inbound = f.t.app.queues.queue(QUEUE_NAMES.inbound);
    const results: Record<string, string> = {};
    let fiveHundreds = 0;
    let accepted = 0;
    for (const channel of PLATFORM_CHANNELS) {
      const started = Date.now();
      const statuses = await postAll(f, channel, mutatedBodies(channel, PER_CHANNEL, SECRETS));
      results[channel] = `${histogram(statuses)} in ${Date.now() - started}ms`;
      fiveHundreds += statuses.filter((s) => s >= 500).length;
      accepted += statuses.filter((s) => s === 200).length;
    }
    const queuedBefore = await inbound.count();
    const badStatuses: number[] = [];
    for (const channel of PLATFORM_CHANNELS) badStatuses.push(...(await postAll(f, channel, badlySigned(channel, Math.ceil(BAD_SIGNATURES / 3)))));
    const queuedAfter = await inbound.count();
    const health = await fetch(`${f.t.app.url}/health`).then((r) => r.status);
    const rejected = await f.t.db.prisma.rejectedUpdate.count();
    printFigures('mutated bodies, webhooks', {
      sent: PER_CHANNEL * 3,
      accepted,
      answered: 0,
      duplicates: 0,
      losses: 0,
      fiveHundreds,
      keptAsRejected: rejected,
      queued: queuedBefore,
      badSignatures: badStatuses.length,
      badSignatureStatuses: histogram(badStatuses),
      enqueuedByBadSignatures: queuedAfter - queuedBefore,
      health,
    });
    for (const [channel, summary] of Object.entries(results)) console.log(`[fault figures] mutated bodies, ${channel}: ${summary}`);
    expect(fiveHundreds).toBe(0);
    expect(badStatuses.every((s) => s === 401 || s === 403)).toBe(true);
    expect(queuedAfter - queuedBefore).toBe(0);
    expect(health).toBe(200);
  }, 900_000);

  it(`phase 2: ${THROUGH_WORKER} bodies per channel through the worker, no retry loop, a normal message still answered`, async () => {
    const redis: PrivateRedis = await startPrivateRedis();
    cleanups.push(() => redis.stop());
    const f = await startFaultApp({ redisUrl: redis.url });
    cleanups.push(() => f.stop());
    const inbound = f.t.app.queues.queue(QUEUE_NAMES.inbound);
    const statuses: number[] = [];
    for (const channel of PLATFORM_CHANNELS) statuses.push(...(await postAll(f, channel, mutatedBodies(channel, THROUGH_WORKER, SECRETS, 7))));
    await until(async () => {
      const counts = await inbound.getJobCounts('waiting', 'active', 'delayed', 'prioritized');
      return Object.values(counts).every((n) => n === 0);
    }, 'the worker to finish every accepted body', 120_000);
    const jobs = await inbound.getJobs(['completed', 'failed'], 0, 10_000);
    const failed = jobs.filter((job) => job.failedReason);
    const retried = jobs.filter((job) => job.attemptsStarted > 1);
    const deadLettered = await f.t.db.prisma.inboundEventLog.count({ where: { deadLetteredAt: { not: null } } });
    // A normal message on each channel is still answered.
    const before = Object.fromEntries(PLATFORM_CHANNELS.map((c) => [c, f.sends(c).length]));
    await f.post('telegram', telegramPayloads.text('Xin chào', { userId: 940_001 }));
    await f.post('zalo-bot', zaloBotPayloads.text('Xin chào', { userId: 'afterfuzz00000000001' }));
    await f.post('zalo-oa', zaloOaPayloads.text('Xin chào', { userId: '8563847910099990001' }));
    await until(
      () => f.sends('telegram').some((s) => s.chatId === '940001') && f.sends('zalo-bot').some((s) => s.chatId === 'afterfuzz00000000001') && f.sends('zalo-oa').some((s) => s.chatId === '8563847910099990001'),
      'an answer to a normal message on every channel',
    );
    const health = await fetch(`${f.t.app.url}/health`).then((r) => r.status);
    printFigures('mutated bodies, through the worker', {
      sent: statuses.length,
      accepted: statuses.filter((s) => s === 200).length,
      answered: PLATFORM_CHANNELS.reduce((sum, c) => sum + before[c]!, 0),
      duplicates: 0,
      losses: 0,
      fiveHundreds: statuses.filter((s) => s >= 500).length,
      turns: jobs.length,
      failedJobs: failed.length,
      retriedJobs: retried.length,
      deadLettered,
      health,
    });
    expect(statuses.filter((s) => s >= 500)).toEqual([]);
    expect(retried.map((job) => `${job.id}: ${job.failedReason ?? job.stacktrace?.[0] ?? ''}`)).toEqual([]);
    expect(failed.map((job) => `${job.id}: ${job.failedReason}`)).toEqual([]);
    expect(health).toBe(200);
  }, 300_000);
});
