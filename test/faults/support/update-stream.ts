import { telegramPayloads, zaloBotPayloads, zaloOaPayloads } from '../../fakes/payloads.js';
import { tally, waitFor, PLATFORM_CHANNELS, type FaultApp, type PlatformChannel } from './fault-app.js';

/** One platform update of the stream: a greeting from a user nobody else uses, so its answers can be counted. */
export interface StreamUpdate {
  channel: PlatformChannel;
  body: unknown;
  chatId: string;
  /** Every HTTP status the webhook answered this update with, in order. */
  statuses: number[];
}

/**
 * Update `i` of a stream tagged `tag` (two digits: keeps ids of different tests
 * apart), rotating over the three channels.
 */
export function streamUpdate(tag: number, i: number): StreamUpdate {
  const channel = PLATFORM_CHANNELS[i % 3]!;
  const n = String(tag * 100_000 + i).padStart(7, '0');
  if (channel === 'telegram') {
    const userId = 800_000_000 + tag * 100_000 + i;
    return { channel, body: telegramPayloads.text('Xin chào', { userId, updateId: userId }), chatId: String(userId), statuses: [] };
  }
  if (channel === 'zalo-bot') {
    const userId = `streamzb${n.padStart(12, '0')}`;
    return { channel, body: zaloBotPayloads.text('Xin chào', { userId, messageId: `streammsg${n.padStart(11, '0')}` }), chatId: userId, statuses: [] };
  }
  const userId = `856384791${n.padStart(10, '0')}`;
  return { channel, body: zaloOaPayloads.text('Xin chào', { userId, msgId: `streamoa${n}abcdef` }), chatId: userId, statuses: [] };
}

/** Posts one update and records the answer; returns how long the webhook took. */
export async function deliver(f: FaultApp, update: StreamUpdate): Promise<number> {
  const started = Date.now();
  const response = await f.post(update.channel, update.body);
  update.statuses.push(response.status);
  return Date.now() - started;
}

/** What a platform does with an update that did not get a 2xx: deliver it again, until it does. */
export async function redeliverUntilAccepted(f: FaultApp, updates: StreamUpdate[], timeoutMs = 60_000): Promise<boolean> {
  return waitFor(async () => {
    for (const u of updates.filter((x) => x.statuses.at(-1) !== 200)) await deliver(f, u);
    return updates.every((u) => u.statuses.at(-1) === 200);
  }, timeoutMs);
}

export interface StreamCount {
  updates: number;
  posts: number;
  accepted: number;
  refused503: number;
  otherStatuses: number[];
  answered: number;
  duplicates: number;
  losses: number;
  /** For the failure message: which chats got no answer or more than one. */
  detail: string;
}

/**
 * Waits until every update has an answer at the platform fake and the outbox has
 * nothing pending, then counts answers per update (one chat per update).
 */
export async function countAnswers(f: FaultApp, updates: StreamUpdate[], timeoutMs = 60_000): Promise<StreamCount> {
  const key = (channel: PlatformChannel, chatId: string) => `${channel}:${chatId}`;
  const answered = () => new Set(PLATFORM_CHANNELS.flatMap((c) => f.sends(c).map((s) => key(c, s.chatId))));
  await waitFor(() => {
    const seen = answered();
    return updates.every((u) => seen.has(key(u.channel, u.chatId)));
  }, timeoutMs);
  await waitFor(async () => (await f.t.db.prisma.outboundMessage.count({ where: { status: 'pending' } })) === 0, 15_000);
  const perChat = tally(PLATFORM_CHANNELS.flatMap((c) => f.sends(c).map((s) => key(c, s.chatId))));
  const statuses = updates.flatMap((u) => u.statuses);
  const lost = updates.filter((u) => !perChat.has(key(u.channel, u.chatId)));
  const doubled = updates.filter((u) => (perChat.get(key(u.channel, u.chatId)) ?? 0) > 1);
  const rows = await f.t.db.prisma.outboundMessage.findMany({
    where: { userId: { in: [...lost, ...doubled].map((u) => key(u.channel, u.chatId)) } },
    select: { id: true, userId: true, status: true, attempts: true, error: true },
  });
  return {
    updates: updates.length,
    posts: statuses.length,
    accepted: statuses.filter((s) => s === 200).length,
    refused503: statuses.filter((s) => s === 503).length,
    otherStatuses: [...new Set(statuses.filter((s) => s !== 200 && s !== 503))],
    answered: updates.length - lost.length,
    duplicates: doubled.reduce((sum, u) => sum + (perChat.get(key(u.channel, u.chatId)) ?? 0) - 1, 0),
    losses: lost.length,
    detail:
      `unanswered: ${lost.map((u) => `${key(u.channel, u.chatId)}@${u.statuses.join('/')}`).join(' ') || 'none'}; ` +
      `answered twice: ${doubled.map((u) => key(u.channel, u.chatId)).join(' ') || 'none'}; ` +
      `their outbox rows: ${JSON.stringify(rows, (_k, v: unknown) => (typeof v === 'bigint' ? String(v) : v))}`,
  };
}
