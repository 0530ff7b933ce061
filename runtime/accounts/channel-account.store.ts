import { DEFAULT_ACCOUNT, channelAccountId } from '../../bot/core/channel-account.js';
import type { Db } from '../database.js';
import { channelOfKind, isAccountKind, isAccountStatus, type AccountStatus, type CreateAccountInput } from './account-kinds.js';
import { AccountsNeedKeyError } from './accounts-need-key.error.js';
import type { AccountSecrets, ChannelAccount } from './channel-account.js';
import type { SecretBox } from './secret-box.js';

/** `channel_account` rows, sealed on the way in and opened lazily on the way out. */
export interface ChannelAccountStore {
  /** Every row (active and disabled). Throws AccountsNeedKeyError when rows exist and there is no key. */
  loadAll(): Promise<ChannelAccount[]>;
  /** Changes whenever any row is added or changed (not on an OA token rotation): other processes poll it to know when to reload. */
  changeStamp(): Promise<string>;
  create(input: CreateAccountInput): Promise<ChannelAccount>;
  setStatus(id: string, status: AccountStatus): Promise<ChannelAccount | null>;
}

type Row = {
  id: string;
  kind: string;
  slug: string;
  unitId: string;
  displayName: string;
  credentials: string;
  webhookSecret: string | null;
  username: string | null;
  status: string;
  updatedAt: Date;
};

export function createChannelAccountStore(db: Db, box: SecretBox | null): ChannelAccountStore {
  function toAccount(row: Row): ChannelAccount {
    if (!isAccountKind(row.kind)) throw new Error(`channel_account ${row.id} has an unknown kind "${row.kind}" (telegram, zalo_bot, zalo_oa)`);
    const channel = channelOfKind(row.kind);
    let opened: AccountSecrets | null = null;
    return {
      id: row.id,
      kind: row.kind,
      channel,
      slug: row.slug,
      unitId: row.unitId,
      displayName: row.displayName,
      status: isAccountStatus(row.status) ? row.status : 'disabled',
      username: row.username,
      source: 'db',
      stamp: row.updatedAt.getTime(),
      secrets() {
        if (opened) return opened;
        if (!box) throw new AccountsNeedKeyError(1);
        const credentials = JSON.parse(box.open(row.credentials, row.id)) as Record<string, string>;
        const webhookSecret = row.webhookSecret === null ? undefined : box.open(row.webhookSecret, `${row.id}#webhook`);
        opened = { channel, secrets: { ...credentials, ...(webhookSecret === undefined ? {} : { webhookSecret }) } } as AccountSecrets;
        return opened;
      },
    };
  }

  const select = { id: true, kind: true, slug: true, unitId: true, displayName: true, credentials: true, webhookSecret: true, username: true, status: true, updatedAt: true } as const;

  return {
    async loadAll() {
      // Raw SQL: 10,000 rows through the ORM's result mapping cost several times more at start-up.
      const rows = await db.$queryRaw<Row[]>`
        SELECT id, kind, slug, unit_id AS "unitId", display_name AS "displayName", credentials, webhook_secret AS "webhookSecret",
               username, status, updated_at AS "updatedAt"
        FROM channel_account`;
      if (rows.length > 0 && !box) throw new AccountsNeedKeyError(rows.length);
      return rows.map(toAccount);
    },
    async changeStamp() {
      const [row] = await db.$queryRaw<Array<{ n: bigint; at: Date | null }>>`SELECT count(*) AS n, max(updated_at) AS at FROM channel_account`;
      return `${row?.n ?? 0}:${row?.at?.getTime() ?? 0}`;
    },
    async create(input) {
      if (!box) throw new AccountsNeedKeyError(0);
      if (input.slug === DEFAULT_ACCOUNT) throw new RangeError('the slug "default" is the environment account of each channel; choose another');
      const id = channelAccountId(channelOfKind(input.kind), input.slug);
      const { webhookSecret, ...credentials } = input.credentials as Record<string, string>;
      const row = await db.channelAccount.create({
        data: {
          id,
          kind: input.kind,
          slug: input.slug,
          unitId: input.unitId,
          displayName: input.displayName,
          credentials: box.seal(JSON.stringify(credentials), id),
          webhookSecret: webhookSecret === undefined ? null : box.seal(webhookSecret, `${id}#webhook`),
          username: input.kind === 'telegram' ? (input.username ?? null) : null,
        },
        select,
      });
      return toAccount(row);
    },
    async setStatus(id, status) {
      const updated = await db.channelAccount.updateMany({ where: { id }, data: { status } });
      if (updated.count === 0) return null;
      const row = await db.channelAccount.findUnique({ where: { id }, select });
      return row ? toAccount(row) : null;
    },
  };
}
