import type { AuditEntry } from '../../bot/domain/audit-entry.js';
import type { Db } from '../../runtime/database.js';
import type { Prisma } from '../../prisma/generated/client.js';

const json = (value: unknown) => (value === undefined || value === null ? undefined : (JSON.parse(JSON.stringify(value)) as Prisma.InputJsonValue));

/** Appends one audit row. There is no update or delete: PostgreSQL refuses them. */
export async function appendAudit(db: Db, entry: AuditEntry): Promise<void> {
  await db.auditLog.create({
    data: {
      at: entry.at,
      actor: entry.actor,
      action: entry.action,
      entityType: entry.entityType,
      entityId: entry.entityId,
      before: json(entry.before),
      after: json(entry.after),
      channel: entry.channel,
    },
  });
}

export async function auditTrail(db: Db, entityType: string, entityId: string): Promise<AuditEntry[]> {
  const rows = await db.auditLog.findMany({ where: { entityType, entityId }, orderBy: { id: 'asc' } });
  return rows.map((r) => ({ ...r, channel: r.channel as AuditEntry['channel'] }));
}
