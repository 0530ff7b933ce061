import type { PrismaClient } from '../../runtime/database.js';
import { zaloOaPayloads } from '../fakes/payloads.js';
import { FakeTelegram } from '../fakes/telegram.fake.js';
import { FakeZaloBot } from '../fakes/zalo-bot.fake.js';
import { FakeZaloOa } from '../fakes/zalo-oa.fake.js';
import { startTestApp, type TestApp } from '../helpers/test-app.js';

/** The secrets the webhook tests sign with; one set for every file (each has its own app). */
export const E2E_SECRETS = {
  telegram: 'tg_secret_for_e2e_tests',
  zaloBot: 'zb_secret_for_e2e_tests',
  zaloOa: 'oa-secret-key-e2e',
} as const;

export interface ChannelsUnderTest {
  t: TestApp;
  tg: FakeTelegram;
  zb: FakeZaloBot;
  oa: FakeZaloOa;
  /** Stops the app and the three fakes. */
  close(): Promise<void>;
}

/** The whole product with all three platform channels pointed at loopback fakes. */
export async function startChannelsUnderTest(extraEnv: Record<string, string> = {}): Promise<ChannelsUnderTest> {
  const [tg, zb, oa] = await Promise.all([new FakeTelegram().start(), new FakeZaloBot().start(), new FakeZaloOa(zaloOaPayloads.appId).start()]);
  const t = await startTestApp({
    env: {
      TELEGRAM_BOT_TOKEN: tg.token,
      TELEGRAM_WEBHOOK_SECRET: E2E_SECRETS.telegram,
      TELEGRAM_API_ROOT: tg.url,
      ZALO_BOT_TOKEN: zb.token,
      ZALO_BOT_WEBHOOK_SECRET: E2E_SECRETS.zaloBot,
      ZALO_BOT_API_ROOT: zb.url,
      ZALO_OA_APP_ID: oa.appId,
      ZALO_OA_APP_SECRET: oa.appSecret,
      ZALO_OA_SECRET_KEY: E2E_SECRETS.zaloOa,
      ZALO_OA_ACCESS_TOKEN: 'oa-access-0',
      ZALO_OA_REFRESH_TOKEN: 'oa-refresh-0',
      ZALO_OA_API_ROOT: oa.url,
      ZALO_OA_OAUTH_ROOT: oa.url,
      SEND_PER_CHAT_INTERVAL_MS: '50',
      ...extraEnv,
    },
  });
  return {
    t,
    tg,
    zb,
    oa,
    async close() {
      await t.stop();
      await Promise.all([tg.close(), zb.close(), oa.close()]);
    },
  };
}

/** Polls a synchronous look-up (a fake's recorded calls) until it finds something. */
export async function until<T>(find: () => T | undefined, what: string, ms = 15_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const found = find();
    if (found !== undefined) return found;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

/** Polls a database look-up until it returns a row. */
export async function waitFor<T>(query: () => Promise<T | null>, ms = 15_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const found = await query();
    if (found) return found;
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** An active cadre of a unit with a one-time invite code that does not expire during the tests. */
export async function createInvitedCadre(db: PrismaClient, cadre: { id: string; fullName: string; position: string; unitId: string; code: string }): Promise<void> {
  await db.cadre.create({ data: { id: cadre.id, fullName: cadre.fullName, position: cadre.position, unitId: cadre.unitId, status: 'active' } });
  await db.cadreRole.create({ data: { cadreId: cadre.id, role: 'cadre', scopeUnitId: cadre.unitId } });
  await db.inviteCode.create({ data: { code: cadre.code, cadreId: cadre.id, expiresAt: new Date('2099-01-01T00:00:00Z') } });
}
