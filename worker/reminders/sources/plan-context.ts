import type { IsoDate } from '../../../bot/domain/iso-date.js';
import type { ReminderMoment } from '../../../bot/domain/reminder-schedule.js';
import type { UnitTree } from '../../../bot/domain/unit-tree.js';
import type { Db } from '../../../runtime/database.js';
import type { PlanWindow, ReminderRecipient } from '../reminder-planner.js';

/** What every reminder source reads: the transaction, the unit tree, the window, a recipient cache. */
export type PlanContext = { db: Db; units: UnitTree; window: PlanWindow; today: IsoDate; users: ReturnType<typeof createRecipientLookup> };

export const inWindow = (w: PlanWindow) => (m: ReminderMoment) => m.fireAt >= w.from && m.fireAt <= w.to;

/** Chat accounts of cadres and of subscribers, cached per plan. */
export function createRecipientLookup(db: Db) {
  const byCadre = new Map<string, ReminderRecipient[]>();
  return {
    async ofCadres(cadreIds: Array<string | null>): Promise<ReminderRecipient[]> {
      const out: ReminderRecipient[] = [];
      for (const cadreId of new Set(cadreIds.filter((id): id is string => id !== null))) {
        let users = byCadre.get(cadreId);
        if (!users) {
          const rows = await db.chatUser.findMany({ where: { cadreId }, orderBy: { id: 'asc' } });
          users = rows.map((u) => ({ userId: u.id, channel: u.channel, chatId: u.chatId, locale: u.locale }));
          byCadre.set(cadreId, users);
        }
        out.push(...users);
      }
      return out;
    },
    async ofUsers(userIds: string[]): Promise<ReminderRecipient[]> {
      if (userIds.length === 0) return [];
      const rows = await db.chatUser.findMany({ where: { id: { in: userIds } }, orderBy: { id: 'asc' } });
      return rows.map((u) => ({ userId: u.id, channel: u.channel, chatId: u.chatId, locale: u.locale }));
    },
  };
}
