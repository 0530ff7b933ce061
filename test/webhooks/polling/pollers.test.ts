import pino from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import type { InboundEvent } from '../../../bot/core/inbound-event.js';
import type { RejectedUpdate } from '../../../webhooks/ingress/inbound-sink.js';
import type { PollLoop } from '../../../webhooks/polling/poll-loop.js';
import { createTelegramPoller } from '../../../webhooks/polling/telegram.poller.js';
import { createZaloBotPoller } from '../../../webhooks/polling/zalo-bot.poller.js';
import { telegramPayloads, zaloBotPayloads } from '../../fakes/payloads.js';
import { FakeTelegram } from '../../fakes/telegram.fake.js';
import { FakeZaloBot } from '../../fakes/zalo-bot.fake.js';

const logger = pino({ level: 'silent' });
const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0)) await c();
});

function recordingSink(failFirst = 0) {
  const events: InboundEvent[] = [];
  const rejected: RejectedUpdate[] = [];
  let failures = failFirst;
  return {
    events,
    rejected,
    async reject(update: RejectedUpdate): Promise<void> {
      rejected.push(update);
    },
    async accept(event: InboundEvent): Promise<{ jobId: string }> {
      if (failures-- > 0) throw new Error('queue down');
      events.push(event);
      return { jobId: `${event.channel}-${event.eventId}` };
    },
  };
}

async function until(check: () => boolean, ms = 5000): Promise<void> {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 20));
  }
}

function run(loop: PollLoop): void {
  loop.start();
  cleanups.unshift(() => loop.stop());
}

describe('Telegram long polling', () => {
  it('deletes the webhook, feeds the sink, answers callbacks and confirms by offset', async () => {
    const fake = await new FakeTelegram().start();
    cleanups.push(() => fake.close());
    fake.webhook = { url: 'https://old.example/webhooks/telegram' };
    const sink = recordingSink();
    run(createTelegramPoller({ token: fake.token, apiRoot: fake.url, sink, logger, timeoutSeconds: 1 }));
    fake.queueUpdate(telegramPayloads.text('Xin chào', { updateId: 10 }));
    fake.queueUpdate(telegramPayloads.callback('x', [[{ text: 'X', callback_data: 'x' }]], { updateId: 11 }));
    await until(() => sink.events.length === 2);
    expect(sink.events.map((e) => e.kind)).toEqual(['text', 'button']);
    await until(() => fake.sent('answerCallbackQuery').length === 1);
    await until(() => fake.sent('getUpdates').some((c) => c.body.offset === 12));
    expect(fake.sent('deleteWebhook')).toHaveLength(1);
  });
});

describe('Telegram long polling, poison-proof', () => {
  it('cleans NUL and lone surrogates like the webhook, and moves past a non-update (kept as rejected)', async () => {
    const fake = await new FakeTelegram().start();
    cleanups.push(() => fake.close());
    const sink = recordingSink();
    run(createTelegramPoller({ token: fake.token, apiRoot: fake.url, sink, logger, timeoutSeconds: 1, deleteWebhook: false }));
    fake.queueUpdate({ update_id: 20, edited_channel_post: 'not for us' } as Record<string, unknown>);
    fake.queueUpdate({ update_id: 21, message: 'nonsense' } as Record<string, unknown>);
    fake.queueUpdate(telegramPayloads.text('Xin\u0000 chào\ud800', { updateId: 22 }));
    await until(() => sink.events.length === 1);
    expect(sink.events[0]!.text).toBe('Xin chào\ufffd');
    expect(sink.rejected.map((r) => r.reason)).toContain('not_an_update');
    await until(() => fake.sent('getUpdates').some((c) => c.body.offset === 23));
  });
});

describe('Zalo Bot long polling', () => {
  it('treats 408 as "nothing yet" and keeps an update until the sink accepts it', async () => {
    const fake = await new FakeZaloBot().start();
    cleanups.push(() => fake.close());
    fake.pollTimeoutHttpStatus = 408;
    const sink = recordingSink(1);
    run(createZaloBotPoller({ token: fake.token, apiRoot: fake.url, sink, logger, timeoutSeconds: 1 }));
    await until(() => fake.sent('getUpdates').length >= 2); // two idle rounds (408) first
    fake.queueUpdate(zaloBotPayloads.text('Chào bot', { wrapped: false, messageId: 'ff01' }));
    await until(() => sink.events.length === 1, 8000);
    expect(sink.events[0]).toMatchObject({ channel: 'zalo-bot', eventId: 'ff01', text: 'Chào bot' });
    // The queue failure did not cost a second getUpdates for the same update.
    expect(fake.sent('deleteWebhook')).toHaveLength(1);
  });
});
