import { randomUUID } from 'node:crypto';
import { cleanDeep, cleanText } from '../../bot/core/clean-text.js';
import type { PrismaClient } from '../../runtime/database.js';
import type { Logger } from '../../runtime/logger.js';
import type { Metrics } from '../../runtime/metrics.js';
import { Prisma } from '../../prisma/generated/client.js';
import type { InboundSink, RejectedUpdate } from './inbound-sink.js';

export interface RejectedUpdatesDeps {
  prisma: PrismaClient;
  metrics: Metrics;
  logger: Pick<Logger, 'warn' | 'error'>;
}

/** Bodies are kept for a look, not for replay: the first 64 kB are enough. */
const MAX_RAW_TEXT = 65_536;

/**
 * Gives a sink its `reject`: an authentic update that cannot be used is logged
 * with its reason, counted (`dvk_inbound_rejected_total{channel,reason}`) and
 * kept in `rejected_update`. Never throws: the platform gets its 200 whatever
 * happens here (a redelivery would be rejected again anyway).
 */
export function keepRejectedUpdates(sink: InboundSink, deps: RejectedUpdatesDeps): InboundSink {
  return {
    accept: (event) => sink.accept(event),
    async reject(update: RejectedUpdate) {
      deps.metrics.inboundRejected.inc({ channel: update.channel, reason: update.reason });
      deps.logger.warn({ channel: update.channel, reason: update.reason, detail: update.detail }, 'authentic update rejected (answered 200, kept in rejected_update)');
      const row = {
        id: randomUUID(),
        channel: update.channel,
        reason: update.reason,
        detail: cleanText(update.detail).slice(0, 2_000),
        rawText: update.rawText === undefined ? null : cleanText(update.rawText.slice(0, MAX_RAW_TEXT)),
      };
      try {
        await deps.prisma.rejectedUpdate.create({
          data: { ...row, body: update.body === undefined ? Prisma.DbNull : (cleanDeep(update.body) as Prisma.InputJsonValue) },
        });
      } catch (error) {
        // The body itself is what the store refused (e.g. nested too deep): keep the row without it.
        await deps.prisma.rejectedUpdate
          .create({ data: { ...row, body: Prisma.DbNull, rawText: row.rawText ?? cleanText(JSON.stringify(update.body) ?? '').slice(0, MAX_RAW_TEXT) } })
          .catch((again: unknown) => deps.logger.error({ err: again, firstError: error }, 'could not keep a rejected update'));
      }
    },
  };
}
