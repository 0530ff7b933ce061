import type { NotificationService } from '../../bot/features/cadre/cadre-services.js';
import { normalizeLocale } from '../../bot/i18n/translator.js';
import type { OutboundMessage } from '../../bot/core/outbound-message.js';
import { vietnamDateOf } from '../../bot/domain/iso-date.js';
import { createScopePolicy } from '../../bot/domain/scope-policy.js';
import type { Db } from '../../runtime/database.js';
import { writeOutboxRow } from '../outbound/outbox.js';
import { loadCadreActor } from './cadre.repository.js';
import { loadTierCatalog, loadUnitTree } from './unit-tree.repository.js';

/**
 * Messages to people other than the sender: outbox rows written in the turn's
 * transaction (so a rolled-back transition never notifies), sent by the outbox relay.
 */
export function createNotificationService(db: Db): NotificationService {
  async function toCadres(cadreIds: string[], render: (locale: 'vi' | 'en') => OutboundMessage): Promise<number> {
    if (cadreIds.length === 0) return 0;
    const users = await db.chatUser.findMany({ where: { cadreId: { in: cadreIds } } });
    for (const user of users) {
      await writeOutboxRow(db, { channel: user.channel, userId: user.id, chatId: user.chatId, message: render(normalizeLocale(user.locale)), inReplyTo: null });
    }
    return users.length;
  }

  return {
    notifyCadre: (cadreId, render) => toCadres([cadreId], render),

    async notifyReviewers(unitId, render, now) {
      const today = vietnamDateOf(now);
      const grants = await db.cadreRole.findMany({ where: { role: 'reviewer', suspended: false }, select: { cadreId: true } });
      const [units, tiers] = await Promise.all([loadUnitTree(db), loadTierCatalog(db)]);
      const scope = createScopePolicy({ units, tiers });
      const reviewers: string[] = [];
      for (const cadreId of new Set(grants.map((g) => g.cadreId))) {
        const actor = await loadCadreActor(db, cadreId);
        if (actor && scope.grantCovering(actor, 'reviewer', unitId, today)) reviewers.push(cadreId);
      }
      return toCadres(reviewers, render);
    },
  };
}
