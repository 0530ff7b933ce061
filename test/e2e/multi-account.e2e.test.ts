import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runSeed } from '../../prisma/seed/seed.js';
import { AccountsNeedKeyError } from '../../runtime/accounts/accounts-need-key.error.js';
import { telegramPayloads, zaloOaPayloads } from '../fakes/payloads.js';
import type { RecordedCall } from '../fakes/fake-server.js';
import { FakeTelegram } from '../fakes/telegram.fake.js';
import { FakeZaloOa } from '../fakes/zalo-oa.fake.js';
import { startTestApp, type TestApp } from '../helpers/test-app.js';
import { createReadyBroadcast, waitForStatus } from '../worker/broadcast/broadcast-fixtures.js';
import { until } from './channel-e2e-helpers.js';

/**
 * Issue 14.1 "done when": two wards on one deployment, each with its own Telegram
 * bot and Zalo OA (four stored accounts, created through the admin API, pointed at
 * loopback fakes). Each resident is answered by the account they wrote to; ward A's
 * broadcast reaches only ward A's subscribers and only through A's accounts;
 * disabling an account stops its webhooks (404) and its sends without touching the
 * other ward; the database holds no secret in plaintext.
 */
const ADMIN = 'admin-token-for-multi-account-e2e';
const WARD_A = 'hn-p-cuanam';
const WARD_B = 'hn-p-hoankiem';
const A = {
  tg: { slug: 'cua-nam', token: '111111:ward-a-token', secret: 'ward_a_tg_secret' },
  oa: { slug: 'cua-nam-oa', appId: '1111111111111111111', appSecret: 'oa-a-app-secret', secretKey: 'oa-a-mac-key', access: 'oa-a-access', refresh: 'oa-a-refresh' },
};
const B = {
  tg: { slug: 'hoan-kiem', token: '222222:ward-b-token', secret: 'ward_b_tg_secret' },
  oa: { slug: 'hoan-kiem-oa', appId: '2222222222222222222', appSecret: 'oa-b-app-secret', secretKey: 'oa-b-mac-key', access: 'oa-b-access', refresh: 'oa-b-refresh' },
};
const TG_USER = 555_001; // the same Telegram person writes to both wards' bots
const OA_USER_A = '8563847912345678901';
const OA_USER_B = '8563847912345678902';

let t: TestApp;
let tg: FakeTelegram;
let oa: FakeZaloOa;

const admin = (path: string, init: RequestInit = {}) =>
  fetch(`${t.app.url}/admin${path}`, { ...init, headers: { authorization: `Bearer ${ADMIN}`, 'content-type': 'application/json', ...(init.headers ?? {}) } });
const post = (path: string, body: string, headers: Record<string, string>) =>
  fetch(`${t.app.url}${path}`, { method: 'POST', body, headers: { 'content-type': 'application/json', ...headers } });
const tgPost = (slug: string, secret: string, text: string) =>
  post(`/webhooks/telegram/${slug}`, JSON.stringify(telegramPayloads.text(text, { userId: TG_USER })), { 'x-telegram-bot-api-secret-token': secret });
const oaPost = (slug: string, account: { appId: string; secretKey: string }, user: string, text: string) => {
  const raw = JSON.stringify({ ...zaloOaPayloads.text(text, { userId: user }), app_id: account.appId });
  return post(`/webhooks/zalo-oa/${slug}`, raw, { 'x-zevent-signature': zaloOaPayloads.signature(raw, account.secretKey, account.appId) });
};

/** Messages a bot (by token) sent to a chat, optionally containing `text`. */
const tgSent = (token: string, chat: number, text?: string) =>
  tg.calls.filter((c) => c.path === `/bot${token}/sendMessage` && String(c.body.chat_id) === String(chat) && (text === undefined || String(c.body.text).includes(text)));
const oaText = (call: RecordedCall) => String((call.body.message as { text?: unknown } | undefined)?.text ?? '');
const oaUser = (call: RecordedCall) => String((call.body.recipient as { user_id?: unknown } | undefined)?.user_id ?? '');
/** Consultation messages an OA (by access token) sent to a user. */
const oaSent = (access: string, user: string, text?: string) =>
  oa.sentCs().filter((c) => c.headers.access_token === access && oaUser(c) === user && (text === undefined || oaText(c).includes(text)));

beforeAll(async () => {
  tg = await new FakeTelegram(A.tg.token).start();
  tg.otherTokens.add(B.tg.token);
  oa = await new FakeZaloOa('0', 'unused', { accessToken: A.oa.access, refreshToken: A.oa.refresh }).start();
  oa.validAccessTokens.add(B.oa.access);
  t = await startTestApp({
    env: {
      CHANNEL_SECRET_KEY: randomBytes(32).toString('hex'),
      ADMIN_TOKEN: ADMIN,
      TELEGRAM_API_ROOT: tg.url,
      ZALO_OA_API_ROOT: oa.url,
      ZALO_OA_OAUTH_ROOT: oa.url,
      SEND_PER_CHAT_INTERVAL_MS: '0',
      BROADCAST_QUIET_HOURS: '',
    },
  });
  await runSeed(t.db.prisma);
  for (const [ward, unitId] of [[A, WARD_A], [B, WARD_B]] as const) {
    const created = await Promise.all([
      admin('/api/accounts', {
        method: 'POST',
        body: JSON.stringify({ kind: 'telegram', slug: ward.tg.slug, unitId, displayName: `Bot ${unitId}`, credentials: { token: ward.tg.token, webhookSecret: ward.tg.secret } }),
      }),
      admin('/api/accounts', {
        method: 'POST',
        body: JSON.stringify({
          kind: 'zalo_oa',
          slug: ward.oa.slug,
          unitId,
          displayName: `OA ${unitId}`,
          credentials: { appId: ward.oa.appId, appSecret: ward.oa.appSecret, secretKey: ward.oa.secretKey, accessToken: ward.oa.access, refreshToken: ward.oa.refresh },
        }),
      }),
    ]);
    expect(created.map((r) => r.status)).toEqual([201, 201]);
  }
}, 60_000);

afterAll(async () => {
  await t?.stop();
  await Promise.all([tg?.close(), oa?.close()]);
});

describe('two wards, two Telegram bots and two Zalo OAs on one deployment', () => {
  it('lists the accounts without any secret', async () => {
    const res = await admin('/api/accounts');
    expect(res.status).toBe(200);
    const text = await res.text();
    const { accounts } = JSON.parse(text) as { accounts: Array<{ id: string; status: string; webhookPath: string }> };
    expect(accounts.map((a) => a.id)).toEqual(['telegram:cua-nam', 'telegram:hoan-kiem', 'zalo-oa:cua-nam-oa', 'zalo-oa:hoan-kiem-oa']);
    expect(accounts.find((a) => a.id === 'telegram:cua-nam')!.webhookPath).toBe('/webhooks/telegram/cua-nam');
    for (const secret of [A.tg.token, A.tg.secret, B.oa.appSecret, B.oa.secretKey, B.oa.access, B.oa.refresh]) expect(text).not.toContain(secret);
    // Zod-validated: a malformed token is refused with the field named.
    const bad = await admin('/api/accounts', { method: 'POST', body: JSON.stringify({ kind: 'telegram', slug: 'x', unitId: WARD_A, displayName: 'x', credentials: { token: 'nope', webhookSecret: 'abcdefgh' } }) });
    expect(bad.status).toBe(400);
    expect(await bad.text()).toContain('token');
  });

  it('answers each resident through the account they wrote to', async () => {
    expect((await tgPost(A.tg.slug, A.tg.secret, 'xin chào')).status).toBe(200);
    expect((await tgPost(B.tg.slug, B.tg.secret, 'xin chào')).status).toBe(200);
    await until(() => tgSent(A.tg.token, TG_USER)[0], 'ward A bot answers');
    await until(() => tgSent(B.tg.token, TG_USER)[0], 'ward B bot answers');
    // One person, two bots: two chat users keyed by (account, platform id).
    const users = await t.db.prisma.chatUser.findMany({ where: { platformUserId: String(TG_USER) }, orderBy: { id: 'asc' } });
    expect(users.map((u) => [u.id, u.account])).toEqual([
      ['telegram:cua-nam:555001', 'cua-nam'],
      ['telegram:hoan-kiem:555001', 'hoan-kiem'],
    ]);

    expect((await oaPost(A.oa.slug, A.oa, OA_USER_A, 'xin chào')).status).toBe(200);
    expect((await oaPost(B.oa.slug, B.oa, OA_USER_B, 'xin chào')).status).toBe(200);
    await until(() => oaSent(A.oa.access, OA_USER_A)[0], 'ward A OA answers');
    await until(() => oaSent(B.oa.access, OA_USER_B)[0], 'ward B OA answers');
    expect(oaSent(B.oa.access, OA_USER_A)).toHaveLength(0);
    expect(oaSent(A.oa.access, OA_USER_B)).toHaveLength(0);
  }, 30_000);

  it("verifies with each account's own secret", async () => {
    expect((await tgPost(A.tg.slug, B.tg.secret, 'xin chào')).status).toBe(401);
    expect((await oaPost(A.oa.slug, B.oa, OA_USER_A, 'xin chào')).status).toBe(401);
    expect((await tgPost('no-such-ward', A.tg.secret, 'xin chào')).status).toBe(404);
  });

  it("sends ward A's broadcast only to ward A's subscribers, only through ward A's accounts", async () => {
    const now = new Date();
    for (const [userId, unitId] of [
      ['telegram:cua-nam:555001', WARD_A],
      [`zalo-oa:cua-nam-oa:${OA_USER_A}`, WARD_A],
      ['telegram:hoan-kiem:555001', WARD_B],
      [`zalo-oa:hoan-kiem-oa:${OA_USER_B}`, WARD_B],
    ] as const) {
      await t.db.prisma.subscriber.create({ data: { userId, unitsOfInterest: [unitId], optedInAt: now } });
    }
    const body = 'Phường Cửa Nam công nhận mô hình "Ngõ phố xanh".';
    await createReadyBroadcast(t.db.prisma, 'bc-ward-a', { unitId: WARD_A, body });
    await waitForStatus(t.db.prisma, 'bc-ward-a', 'done');
    const rows = await t.db.prisma.broadcastRecipient.findMany({ where: { broadcastId: 'bc-ward-a', channel: { not: 'console' } }, orderBy: { userId: 'asc' } });
    expect(rows.map((r) => [r.userId, r.channelAccount, r.state])).toEqual([
      ['telegram:cua-nam:555001', 'telegram:cua-nam', 'sent'],
      [`zalo-oa:cua-nam-oa:${OA_USER_A}`, 'zalo-oa:cua-nam-oa', 'sent'],
    ]);
    expect(tgSent(A.tg.token, TG_USER, 'Ngõ phố xanh')).toHaveLength(1);
    expect(oaSent(A.oa.access, OA_USER_A, 'Ngõ phố xanh')).toHaveLength(1);
    expect(tg.calls.filter((c) => c.path.startsWith(`/bot${B.tg.token}/`) && String(c.body.text).includes('Ngõ phố xanh'))).toHaveLength(0);
    expect(oa.sentCs().filter((c) => c.headers.access_token === B.oa.access && oaText(c).includes('Ngõ phố xanh'))).toHaveLength(0);
  }, 60_000);

  it("disabling ward B's bot stops its webhooks and sends; ward A and ward B's OA go on", async () => {
    const off = await admin(`/api/accounts/telegram:${B.tg.slug}/disable`, { method: 'POST' });
    expect(off.status).toBe(200);
    expect(((await off.json()) as { status: string }).status).toBe('disabled');
    expect((await tgPost(B.tg.slug, B.tg.secret, 'xin chào')).status).toBe(404);

    // Ward A is untouched: its bot still answers.
    const before = tgSent(A.tg.token, TG_USER).length;
    expect((await tgPost(A.tg.slug, A.tg.secret, 'lịch ngày hội')).status).toBe(200);
    await until(() => (tgSent(A.tg.token, TG_USER).length > before ? true : undefined), 'ward A bot answers after B is disabled');

    // Ward B's broadcast: its OA follower gets it, its disabled bot's subscriber is skipped, nothing leaves B's bot.
    const sentByB = tg.calls.filter((c) => c.path.startsWith(`/bot${B.tg.token}/`)).length;
    await createReadyBroadcast(t.db.prisma, 'bc-ward-b', { unitId: WARD_B, body: 'Phường Hoàn Kiếm tổ chức ngày hội.' });
    await waitForStatus(t.db.prisma, 'bc-ward-b', 'done');
    const rows = await t.db.prisma.broadcastRecipient.findMany({ where: { broadcastId: 'bc-ward-b', channel: { not: 'console' } }, orderBy: { userId: 'asc' } });
    expect(rows.map((r) => [r.userId, r.state, r.skipReason])).toEqual([
      ['telegram:hoan-kiem:555001', 'skipped', 'no_sender'],
      [`zalo-oa:hoan-kiem-oa:${OA_USER_B}`, 'sent', null],
    ]);
    expect(oaSent(B.oa.access, OA_USER_B, 'Hoàn Kiếm tổ chức ngày hội')).toHaveLength(1);
    expect(tg.calls.filter((c) => c.path.startsWith(`/bot${B.tg.token}/`))).toHaveLength(sentByB);

    // Enabled again: its webhook is served again.
    expect((await admin(`/api/accounts/telegram:${B.tg.slug}/enable`, { method: 'POST' })).status).toBe(200);
    expect((await tgPost(B.tg.slug, B.tg.secret, 'xin chào')).status).toBe(200);
  }, 60_000);

  it('keeps no secret readable in the database', async () => {
    const rows = await t.db.prisma.$queryRaw<Array<Record<string, unknown>>>`SELECT * FROM channel_account`;
    expect(rows).toHaveLength(4);
    const dump = JSON.stringify(rows);
    for (const ward of [A, B]) {
      for (const secret of [ward.tg.token, ward.tg.secret, ward.oa.appSecret, ward.oa.secretKey, ward.oa.access, ward.oa.refresh]) expect(dump).not.toContain(secret);
    }
    expect(rows.every((r) => String(r.credentials).startsWith('v1.'))).toBe(true);
  });

  it('refuses to start another process on this database without CHANNEL_SECRET_KEY, saying how to fix it', async () => {
    const failed = await startTestApp({ database: t.db, roles: ['webhooks'] }).then(
      () => null,
      (error: unknown) => error,
    );
    expect(failed).toBeInstanceOf(AccountsNeedKeyError);
    expect((failed as Error).message).toContain('CHANNEL_SECRET_KEY');
    expect((failed as Error).message).toContain('openssl rand -hex 32');
  });
});
