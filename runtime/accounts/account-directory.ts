import type { Channel } from '../../bot/core/inbound-event.js';
import type { Logger } from '../logger.js';
import type { ChannelAccount } from './channel-account.js';
import type { ChannelAccountStore } from './channel-account.store.js';

export interface AccountDirectoryOptions {
  /** Stored accounts; null = only the environment's defaults (tests, benches). */
  store: ChannelAccountStore | null;
  /** The environment's default accounts (runtime/accounts/default-accounts.ts). */
  defaults: ChannelAccount[];
  /** How often to ask PostgreSQL whether another process changed an account. Default 5,000 ms; 0 = never. */
  refreshMs?: number;
  logger?: Pick<Logger, 'warn' | 'info'>;
}

/**
 * Every channel account of the deployment in one Map keyed `<channel>:<slug>`:
 * a webhook or a send finds its account in O(1) without a query.
 *
 * Invalidation: an admin write in this process calls `reload()` at once; other
 * processes poll a change stamp (row count + newest `updated_at`, one indexless
 * aggregate) every `refreshMs` and reload only when it moved — so a disable
 * reaches every process within `ACCOUNTS_REFRESH_SECONDS`. (LISTEN/NOTIFY would
 * need a dedicated connection per process and breaks behind PgBouncer in
 * transaction mode; the poll works everywhere.)
 */
export class AccountDirectory {
  private accounts = new Map<string, ChannelAccount>();
  /** The same accounts by channel then slug: the webhook's lookup builds no string. */
  private bySlug = new Map<string, Map<string, ChannelAccount>>();
  private stamp = '';
  private timer: NodeJS.Timeout | null = null;
  private reloading: Promise<void> = Promise.resolve();
  /** Bumped on every reload that changed something. */
  version = 0;

  constructor(private readonly options: AccountDirectoryOptions) {
    this.replace([]);
  }

  /** Loads every account; throws AccountsNeedKeyError when stored accounts cannot be opened. */
  async load(): Promise<void> {
    const [stamp, stored] = this.options.store ? await Promise.all([this.options.store.changeStamp(), this.options.store.loadAll()]) : ['', []];
    this.stamp = stamp;
    this.replace(stored);
  }

  /**
   * Re-reads now (after a write in this process). Loads run one after another and
   * each caller waits for a load that STARTED after its call, so a write committed
   * just before is always seen (joining a load already in flight could miss it).
   */
  async reload(): Promise<void> {
    const run = this.reloading.then(() => this.load());
    this.reloading = run.catch(() => undefined);
    await run;
  }

  /** Starts the change-stamp poll (see the class comment). */
  start(): void {
    const every = this.options.refreshMs ?? 5_000;
    if (!this.options.store || every <= 0 || this.timer) return;
    this.timer = setInterval(() => {
      void this.refreshIfChanged().catch((error: unknown) => this.options.logger?.warn({ err: error }, 'channel accounts: refresh failed; keeping the accounts loaded'));
    }, every);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  async refreshIfChanged(): Promise<boolean> {
    if (!this.options.store) return false;
    const stamp = await this.options.store.changeStamp();
    if (stamp === this.stamp) return false;
    await this.reload();
    return true;
  }

  /** The account, active or not; undefined when there is none of that name. */
  get(channel: Channel, slug: string): ChannelAccount | undefined {
    return this.bySlug.get(channel)?.get(slug);
  }

  /** The account only when it may be used (webhooks, sends). */
  active(channel: Channel, slug: string): ChannelAccount | undefined {
    const account = this.bySlug.get(channel)?.get(slug);
    return account?.status === 'active' ? account : undefined;
  }

  byId(id: string): ChannelAccount | undefined {
    return this.accounts.get(id);
  }

  list(): ChannelAccount[] {
    return [...this.accounts.values()];
  }

  get size(): number {
    return this.accounts.size;
  }

  private replace(stored: ChannelAccount[]): void {
    const next = new Map<string, ChannelAccount>();
    for (const account of this.options.defaults) next.set(account.id, account);
    // A stored row never shadows the environment's default (the slug "default" is refused on create).
    for (const account of stored) if (!next.has(account.id)) next.set(account.id, account);
    const bySlug = new Map<string, Map<string, ChannelAccount>>();
    for (const account of next.values()) {
      let slugs = bySlug.get(account.channel);
      if (!slugs) bySlug.set(account.channel, (slugs = new Map()));
      slugs.set(account.slug, account);
    }
    this.accounts = next;
    this.bySlug = bySlug;
    this.version += 1;
  }
}
