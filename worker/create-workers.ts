import type { ConversationEngine } from '../bot/conversation/conversation-engine.js';
import type { PrismaClient } from '../runtime/database.js';
import type { Db } from '../runtime/database.js';
import type { BotServices } from '../bot/services.js';
import type { Logger } from '../runtime/logger.js';
import type { Translator } from '../bot/i18n/translator.js';
import type { QueueKit } from '../runtime/queues.js';
import type { Metrics } from '../runtime/metrics.js';
import { countingSender } from './outbound/counting-sender.js';
import type { ChannelSender } from './outbound/channel-sender.js';
import { createSenderRegistry } from './outbound/channel-sender.js';
import { createConsoleSender } from './outbound/console.sender.js';
import { createInboundWorker } from './inbound/inbound.worker.js';
import { createSendWorker } from './outbound/send.worker.js';
import { startOutboxRelay } from './outbound/outbox-relay.js';
import type { Pacer } from './outbound/pacer.js';
import type { Clock } from '../bot/core/clock.js';
import { startBroadcastWorker } from './broadcast/broadcast.worker.js';
import type { BroadcastSettings } from './broadcast/broadcast-settings.js';
import type { QuietHours } from '../bot/domain/quiet-hours.js';
import { startReminderWorker } from './reminders/reminder.worker.js';
import type { TurnServiceContext } from './store/bot-services.js';

export interface WorkersDeps {
  queues: QueueKit;
  prisma: PrismaClient;
  bot: ConversationEngine;
  /** For the apology of a dead-lettered turn (worker/inbound/dead-letter.ts). */
  translator: Translator;
  logger: Logger;
  defaultLocale: 'vi' | 'en';
  /** Builds the features' services on each turn's transaction. */
  createServices: (db: Db, turn?: TurnServiceContext) => BotServices;
  concurrency: number;
  metrics?: Metrics;
  /** Platform senders (Telegram, Zalo…); the console sender is always present. */
  senders?: ChannelSender[];
  /** Cross-process send pacing for the platform senders (runtime/channels.ts). */
  pacer?: Pacer | null;
  /** Broadcast fan-out (worker/broadcast); off when no translator is given (footers are translated). */
  broadcast?: { translator: Translator; clock?: Clock; settings?: BroadcastSettings; claimLeaseMs?: number; lanesPerAccount?: number };
  /** Reminders (worker/reminders/): off when absent (plumbing tests). */
  reminders?: { clock: Clock; translator: Translator; quietHours: QuietHours | null; everyMs?: number };
}

export interface RunningWorkers {
  /** Stop taking jobs, let active ones finish, then return. */
  close(): Promise<void>;
}

/** Starts every worker of the worker role. */
export function startWorkers(deps: WorkersDeps): RunningWorkers {
  const platformSenders = [createConsoleSender(), ...(deps.senders ?? [])];
  const metrics = deps.metrics;
  const senders = createSenderRegistry(metrics ? platformSenders.map((sender) => countingSender(sender, metrics.sends)) : platformSenders);
  const inbound = createInboundWorker({ ...deps, concurrency: deps.concurrency, senders });
  const send = createSendWorker({ ...deps, senders });
  const relay = startOutboxRelay(deps);
  const broadcast = deps.broadcast ? startBroadcastWorker({ ...deps, ...deps.broadcast, senders }) : null;
  const reminders = deps.reminders ? startReminderWorker({ ...deps.reminders, queues: deps.queues, prisma: deps.prisma, logger: deps.logger }) : null;
  return {
    async close() {
      await relay.stop();
      // Worker.close() waits for active jobs to finish before resolving.
      await Promise.all([inbound.close(), send.close(), broadcast?.close(), reminders?.close()]);
    },
  };
}
