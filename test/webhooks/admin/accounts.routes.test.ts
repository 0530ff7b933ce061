import { randomBytes } from 'node:crypto';
import type { Server } from 'node:http';
import express from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AccountDirectory } from '../../../runtime/accounts/account-directory.js';
import { createChannelAccountStore } from '../../../runtime/accounts/channel-account.store.js';
import { defaultAccountsFrom } from '../../../runtime/accounts/default-accounts.js';
import { createSecretBox } from '../../../runtime/accounts/secret-box.js';
import { loadConfig } from '../../../runtime/config.js';
import { createLogger } from '../../../runtime/logger.js';
import { createAccountRoutes } from '../../../webhooks/admin/accounts.routes.js';
import { createAdminRouter } from '../../../webhooks/admin/admin.router.js';
import { createTestDatabase, type TestDatabase } from '../../helpers/test-database.js';

const TOKEN = 'admin-token-accounts-routes';
let db: TestDatabase;
let closeServer: (() => Promise<void>) | undefined;
let base: string;

async function serve(withKey: boolean): Promise<{ url: string; close: () => Promise<void> }> {
  const store = createChannelAccountStore(db.prisma, withKey ? createSecretBox(randomBytes(32)) : null);
  const defaults = defaultAccountsFrom(loadConfig({ TELEGRAM_BOT_TOKEN: '1:env', TELEGRAM_WEBHOOK_SECRET: 'env_secret_1' }).channels);
  const directory = new AccountDirectory({ store, defaults });
  await directory.load();
  const app = express();
  app.use(createAdminRouter({ token: TOKEN, routers: [createAccountRoutes({ store, directory })], logger: createLogger({ level: 'silent' }) }));
  const s = await new Promise<Server>((resolve) => {
    const listening = app.listen(0, '127.0.0.1', () => resolve(listening));
  });
  const address = s.address() as { port: number };
  return { url: `http://127.0.0.1:${address.port}`, close: () => new Promise((resolve) => s.close(() => resolve())) };
}

const call = (url: string, path: string, init: RequestInit = {}, token = TOKEN) =>
  fetch(`${url}/admin${path}`, { ...init, headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' } });
const zaloBot = (slug: string) => JSON.stringify({ kind: 'zalo_bot', slug, unitId: 'hn-p-cuanam', displayName: 'ZB', credentials: { token: '1234567890:zb-token', webhookSecret: 'zb_secret_123' } });

beforeAll(async () => {
  db = await createTestDatabase();
  const served = await serve(true);
  base = served.url;
  closeServer = served.close;
});
afterAll(async () => {
  await closeServer?.();
  await db?.drop();
});

describe('/admin/api/accounts', () => {
  it('needs the admin token', async () => {
    expect((await call(base, '/api/accounts', {}, 'wrong-token-xxxxxxxx')).status).toBe(401);
  });

  it('creates, refuses a duplicate and the reserved slug, lists without secrets, and never disables the environment account', async () => {
    expect((await call(base, '/api/accounts', { method: 'POST', body: zaloBot('ward-a') })).status).toBe(201);
    const again = await call(base, '/api/accounts', { method: 'POST', body: zaloBot('ward-a') });
    expect(again.status).toBe(409);
    expect((await call(base, '/api/accounts', { method: 'POST', body: zaloBot('default') })).status).toBe(400);
    const listed = await (await call(base, '/api/accounts')).text();
    expect(JSON.parse(listed).accounts.map((a: { id: string; source: string }) => `${a.id}/${a.source}`)).toEqual(['telegram:default/env', 'zalo-bot:ward-a/db']);
    expect(listed).not.toContain('zb-token');
    expect(listed).not.toContain('zb_secret_123');
    expect((await call(base, '/api/accounts/telegram:default/disable', { method: 'POST' })).status).toBe(409);
    expect((await call(base, '/api/accounts/zalo-bot:nope/disable', { method: 'POST' })).status).toBe(404);
    const off = await call(base, '/api/accounts/zalo-bot:ward-a/disable', { method: 'POST' });
    expect(await off.json()).toMatchObject({ id: 'zalo-bot:ward-a', status: 'disabled' });
  });

  it('without CHANNEL_SECRET_KEY, refuses to store an account and says how to fix it', async () => {
    await db.prisma.channelAccount.deleteMany();
    const keyless = await serve(false);
    try {
      const res = await call(keyless.url, '/api/accounts', { method: 'POST', body: zaloBot('ward-b') });
      expect(res.status).toBe(409);
      expect(((await res.json()) as { message: string }).message).toContain('CHANNEL_SECRET_KEY');
      expect(await db.prisma.channelAccount.count()).toBe(0);
    } finally {
      await keyless.close();
    }
  });
});
