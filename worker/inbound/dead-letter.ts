import { cleanDeep } from '../../bot/core/clean-text.js';
import { channelSchema } from '../../bot/core/inbound-event.js';
import { normalizeLocale, type Translator } from '../../bot/i18n/translator.js';
import type { PrismaClient } from '../../runtime/database.js';
import type { Logger } from '../../runtime/logger.js';
import type { Metrics } from '../../runtime/metrics.js';
import { describeFailure } from '../../runtime/store-errors.js';

export interface DeadLetterDeps {
  prisma: PrismaClient;
  translator: Translator;
  logger: Logger;
  defaultLocale: 'vi' | 'en';
  metrics?: Metrics;
}

/**
 * A turn that failed for a DATA reason (runtime/store-errors.ts) would fail the
 * same way on every retry and hold the user's reply for minutes. Instead, on the
 * first failure and in one transaction: the update is claimed in `inbound_event`
 * with `dead_lettered_at` and the reason (so a redelivery is a duplicate, not a
 * second failure), and the user gets a polite "please try again" in the outbox.
 * The job then completes, so the user's next message runs normally.
 * Returns the apology's outbox id(s) to queue.
 */
export function createDeadLetter(deps: DeadLetterDeps) {
  return async function deadLetter(jobId: string, data: unknown, error: unknown): Promise<bigint[]> {
    const failure = describeFailure(error);
    // Whatever the job holds, what we store is clean (the failure may BE the data).
    const payload = (cleanDeep(data) ?? {}) as Record<string, unknown>;
    const channel = channelSchema.safeParse(payload.channel);
    const userId = typeof payload.userId === 'string' && payload.userId.length > 0 ? payload.userId.slice(0, 200) : null;
    const chatId = typeof payload.chatId === 'string' && payload.chatId.length > 0 ? payload.chatId.slice(0, 200) : null;
    deps.metrics?.turnsDeadLettered.inc({ channel: channel.success ? channel.data : 'unknown' });
    // Alert level: a data failure is a bug or an input we did not foresee; someone must look.
    deps.logger.error({ alert: 'turn-dead-lettered', jobId, channel: payload.channel, failure }, 'turn failed for a data reason: dead-lettered after one attempt, user told to try again');

    return deps.prisma.$transaction(async (tx) => {
      const claimed = await tx.$executeRaw`
        INSERT INTO inbound_event (id, channel, user_id, kind, payload, received_at, dead_lettered_at, failure)
        VALUES (${jobId}, ${channel.success ? channel.data : 'unknown'}, ${userId ?? 'unknown'}, ${typeof payload.kind === 'string' ? payload.kind.slice(0, 50) : 'unknown'},
                ${JSON.stringify(payload)}::jsonb, now(), now(), ${failure.slice(0, 2_000)})
        ON CONFLICT (id) DO NOTHING`;
      // Already handled by an earlier delivery, or nobody to answer: nothing more to do.
      if (claimed === 0 || !channel.success || !userId || !chatId) return [];
      const user = await tx.chatUser.findUnique({ where: { id: userId }, select: { locale: true } });
      const locale = normalizeLocale(user?.locale ?? (typeof payload.languageCode === 'string' ? payload.languageCode : undefined), deps.defaultLocale);
      const apology = await tx.outboundMessage.create({
        data: { channel: channel.data, userId, chatId, text: deps.translator.t(locale, 'turn-failed-apology'), inReplyTo: jobId },
        select: { id: true },
      });
      return [apology.id];
    });
  };
}
