import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AccountDirectory } from '../../../runtime/accounts/account-directory.js';
import { AccountsNeedKeyError } from '../../../runtime/accounts/accounts-need-key.error.js';
import { createChannelAccountStore } from '../../../runtime/accounts/channel-account.store.js';
import { defaultAccountsFrom } from '../../../runtime/accounts/default-accounts.js';
import { createSecretBox } from '../../../runtime/accounts/secret-box.js';
import { resealAccounts } from '../../../runtime/accounts/reseal-accounts.js';
import { loadConfig } from '../../../runtime/config.js';
import { createSealedZaloOaTokenRepository } from '../../../worker/channels/sealed-zalo-oa-token.repository.js';
import { createTestDatabase, type TestDatabase } from '../../helpers/test-database.js';

let db: TestDatabase;
const oldKey = randomBytes(32);
const box = createSecretBox(oldKey);
beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(async () => {
  await db?.drop();
});

const telegram = (slug: string, unitId = 'hn-p-cuanam') => ({
  kind: 'telegram' as const,
  slug,
  unitId,
  displayName: `Bot ${slug}`,
  credentials: { token: `${slug.length}00:tok-${slug}`, webhookSecret: `secret_${slug}_xx` },
});

describe('channel accounts: store and directory', () => {
  it('serves the environment keys as the default account, with no row and no key', async () => {
    const config = loadConfig({ TELEGRAM_BOT_TOKEN: '1:abc', TELEGRAM_WEBHOOK_SECRET: 'tg_secret_1', TELEGRAM_BOT_USERNAME: 'dvk_bot' }).channels;
    const directory = new AccountDirectory({ store: createChannelAccountStore(db.prisma, null), defaults: defaultAccountsFrom(config) });
    await directory.load();
    const account = directory.active('telegram', 'default')!;
    expect(account).toMatchObject({ id: 'telegram:default', source: 'env', username: 'dvk_bot', unitId: null });
    expect(account.secrets()).toEqual({ channel: 'telegram', secrets: { token: '1:abc', webhookSecret: 'tg_secret_1' } });
    expect(directory.get('zalo-oa', 'default')).toBeUndefined();
  });

  it('stores sealed secrets, opens them on first use, and another process sees a change at its next poll', async () => {
    const store = createChannelAccountStore(db.prisma, box);
    const here = new AccountDirectory({ store, defaults: [] });
    const there = new AccountDirectory({ store: createChannelAccountStore(db.prisma, box), defaults: [] });
    await Promise.all([here.load(), there.load()]);
    expect(await there.refreshIfChanged()).toBe(false);

    await store.create(telegram('ward-a'));
    await here.reload();
    const a = here.active('telegram', 'ward-a')!;
    expect(a).toMatchObject({ id: 'telegram:ward-a', kind: 'telegram', channel: 'telegram', unitId: 'hn-p-cuanam', status: 'active', source: 'db' });
    expect(a.secrets()).toEqual({ channel: 'telegram', secrets: { token: '600:tok-ward-a', webhookSecret: 'secret_ward-a_xx' } });
    const row = await db.prisma.channelAccount.findUniqueOrThrow({ where: { id: 'telegram:ward-a' } });
    expect(JSON.stringify(row)).not.toContain('tok-ward-a');
    expect(JSON.stringify(row)).not.toContain('secret_ward-a_xx');

    // The other process: not yet, then after its poll.
    expect(there.get('telegram', 'ward-a')).toBeUndefined();
    expect(await there.refreshIfChanged()).toBe(true);
    expect(there.active('telegram', 'ward-a')?.id).toBe('telegram:ward-a');

    await store.setStatus('telegram:ward-a', 'disabled');
    expect(await there.refreshIfChanged()).toBe(true);
    expect(there.active('telegram', 'ward-a')).toBeUndefined();
    expect(there.get('telegram', 'ward-a')?.status).toBe('disabled');
    expect(await store.setStatus('telegram:nope', 'disabled')).toBeNull();
  });

  it('refuses the slug "default", and refuses to load or create stored accounts without a key', async () => {
    const store = createChannelAccountStore(db.prisma, box);
    await expect(store.create(telegram('default'))).rejects.toThrow(/slug "default"/);
    const keyless = createChannelAccountStore(db.prisma, null);
    await expect(keyless.loadAll()).rejects.toBeInstanceOf(AccountsNeedKeyError);
    await expect(keyless.create(telegram('ward-z'))).rejects.toThrow(/CHANNEL_SECRET_KEY/);
    await expect(new AccountDirectory({ store: keyless, defaults: [] }).load()).rejects.toThrow(/1 channel account\(s\) are stored/);
  });

  it("keeps a Zalo OA account's rotating tokens sealed in its own row, without touching updated_at", async () => {
    const store = createChannelAccountStore(db.prisma, box);
    await store.create({
      kind: 'zalo_oa',
      slug: 'ward-a-oa',
      unitId: 'hn-p-cuanam',
      displayName: 'OA',
      credentials: { appId: '111', appSecret: 'app-secret-a', secretKey: 'mac-key-a', accessToken: 'acc-0', refreshToken: 'ref-0' },
    });
    const repo = createSealedZaloOaTokenRepository(db.prisma, 'zalo-oa:ward-a-oa', box);
    expect(await repo.load()).toBeNull();
    const stampBefore = await store.changeStamp();
    const expires = new Date('2026-12-01T00:00:00Z');
    await repo.save({ accessToken: 'acc-1', refreshToken: 'ref-1', accessTokenExpiresAt: expires });
    expect(await repo.load()).toEqual({ accessToken: 'acc-1', refreshToken: 'ref-1', accessTokenExpiresAt: expires });
    expect(await store.changeStamp()).toBe(stampBefore);
    const [row] = await db.prisma.$queryRaw<Array<{ oa_tokens: string }>>`SELECT oa_tokens FROM channel_account WHERE id = 'zalo-oa:ward-a-oa'`;
    expect(row!.oa_tokens).not.toContain('acc-1');
    expect(row!.oa_tokens).not.toContain('ref-1');
  });
});

describe('key rotation (npm run accounts:reseal)', () => {
  it('re-seals every stored secret with the new key; the old key alone then opens nothing', async () => {
    const newKey = randomBytes(32);
    const rotating = createSecretBox([newKey, oldKey]);
    const count = await db.prisma.channelAccount.count();
    expect(count).toBeGreaterThan(0);
    expect(await resealAccounts(db.prisma, rotating)).toBe(count);
    const accounts = await createChannelAccountStore(db.prisma, createSecretBox(newKey)).loadAll();
    expect(accounts.find((a) => a.id === 'telegram:ward-a')!.secrets()).toMatchObject({ secrets: { token: '600:tok-ward-a' } });
    const stale = await createChannelAccountStore(db.prisma, createSecretBox(oldKey)).loadAll();
    expect(() => stale[0]!.secrets()).toThrow(/cannot be opened/);
    const oaTokens = createSealedZaloOaTokenRepository(db.prisma, 'zalo-oa:ward-a-oa', createSecretBox(newKey));
    expect((await oaTokens.load())?.refreshToken).toBe('ref-1');
  });
});
