import { FakeTelegram } from '../../fakes/telegram.fake.js';
import { FakeZaloBot } from '../../fakes/zalo-bot.fake.js';
import { FakeZaloOa } from '../../fakes/zalo-oa.fake.js';
import { zaloOaPayloads } from '../../fakes/payloads.js';
import type { RecordedCall } from '../../fakes/fake-server.js';
import { startTestApp, type TestApp, type TestAppOptions } from '../../helpers/test-app.js';

export const TG_SECRET = 'tg_secret_for_fault_tests';
export const ZB_SECRET = 'zb_secret_for_fault_tests';
export const OA_SECRET = 'oa-secret-key-faults';

export type PlatformChannel = 'telegram' | 'zalo-bot' | 'zalo-oa';
export const PLATFORM_CHANNELS: PlatformChannel[] = ['telegram', 'zalo-bot', 'zalo-oa'];

export interface FaultApp {
  t: TestApp;
  tg: FakeTelegram;
  zb: FakeZaloBot;
  oa: FakeZaloOa;
  /** POSTs a body to a channel's webhook with the right secret (raw string bodies are sent as they are). */
  post(channel: PlatformChannel, body: unknown, headers?: Record<string, string>): Promise<Response>;
  /** Every message the bot sent on a channel, with the chat it went to. */
  sends(channel: PlatformChannel): Array<{ chatId: string; text: string; call: RecordedCall }>;
  stop(): Promise<void>;
}

/**
 * The whole product in-process with the three platform channels pointed at
 * loopback fakes, pacing fast enough that the figures measure the faults, not the
 * pacer. Options go to startTestApp (a private Redis, a private database…).
 */
export async function startFaultApp(options: TestAppOptions = {}): Promise<FaultApp> {
  const [tg, zb, oa] = await Promise.all([new FakeTelegram().start(), new FakeZaloBot().start(), new FakeZaloOa(zaloOaPayloads.appId).start()]);
  const t = await startTestApp({
    ...options,
    env: {
      TELEGRAM_BOT_TOKEN: tg.token,
      TELEGRAM_WEBHOOK_SECRET: TG_SECRET,
      TELEGRAM_API_ROOT: tg.url,
      TELEGRAM_SEND_RATE: '1000',
      ZALO_BOT_TOKEN: zb.token,
      ZALO_BOT_WEBHOOK_SECRET: ZB_SECRET,
      ZALO_BOT_API_ROOT: zb.url,
      ZALO_BOT_SEND_RATE: '1000',
      ZALO_OA_APP_ID: oa.appId,
      ZALO_OA_APP_SECRET: oa.appSecret,
      ZALO_OA_SECRET_KEY: OA_SECRET,
      ZALO_OA_ACCESS_TOKEN: 'oa-access-0',
      ZALO_OA_REFRESH_TOKEN: 'oa-refresh-0',
      ZALO_OA_API_ROOT: oa.url,
      ZALO_OA_OAUTH_ROOT: oa.url,
      ZALO_OA_SEND_RATE: '1000',
      SEND_PER_CHAT_INTERVAL_MS: '0',
      ...options.env,
    },
  });

  async function post(channel: PlatformChannel, body: unknown, headers: Record<string, string> = {}): Promise<Response> {
    const raw = typeof body === 'string' ? body : JSON.stringify(body);
    const secret: Record<string, string> =
      channel === 'telegram'
        ? { 'x-telegram-bot-api-secret-token': TG_SECRET }
        : channel === 'zalo-bot'
          ? { 'x-bot-api-secret-token': ZB_SECRET }
          : { 'x-zevent-signature': safeSignature(raw) };
    return fetch(`${t.app.url}/webhooks/${channel}`, { method: 'POST', body: raw, headers: { 'content-type': 'application/json', ...secret, ...headers } });
  }

  function sends(channel: PlatformChannel) {
    if (channel === 'zalo-oa') {
      return oa.sentCs().map((call) => ({
        chatId: String((call.body.recipient as { user_id?: unknown } | undefined)?.user_id ?? ''),
        text: String((call.body.message as { text?: unknown } | undefined)?.text ?? ''),
        call,
      }));
    }
    const fake = channel === 'telegram' ? tg : zb;
    return fake.sent('sendMessage').map((call) => ({ chatId: String(call.body.chat_id ?? ''), text: String(call.body.text ?? ''), call }));
  }

  let stopped: Promise<void> | null = null;
  return {
    t,
    tg,
    zb,
    oa,
    post,
    sends,
    stop() {
      stopped ??= (async () => {
        await t.stop();
        await Promise.all([tg.close(), zb.close(), oa.close()]);
      })();
      return stopped;
    },
  };
}

/** The Zalo OA signature of a raw body; a body that is not JSON gets one over the raw bytes alone. */
function safeSignature(raw: string): string {
  try {
    return zaloOaPayloads.signature(raw, OA_SECRET);
  } catch {
    return 'mac=0';
  }
}

/** Waits until `check` holds, polling; fails naming `what` after `timeoutMs`. */
export async function until(check: () => boolean | Promise<boolean>, what: string, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** Like `until`, but gives up quietly (returns false) so the test can print its figures before asserting. */
export async function waitFor(check: () => boolean | Promise<boolean>, timeoutMs = 60_000): Promise<boolean> {
  try {
    await until(check, '', timeoutMs);
    return true;
  } catch {
    return false;
  }
}

/** Counts per key. */
export function tally(keys: string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const key of keys) counts.set(key, (counts.get(key) ?? 0) + 1);
  return counts;
}

export interface Figures {
  sent: number;
  accepted: number;
  answered: number;
  duplicates: number;
  losses: number;
  [more: string]: number | string;
}

/** One line per fault test with its figures, for the lead to quote. */
export function printFigures(test: string, figures: Figures): void {
  const parts = Object.entries(figures).map(([key, value]) => `${key}=${value}`);
  console.log(`[fault figures] ${test}: ${parts.join(' ')}`);
}
