import { fixedClock } from '../../bot/core/clock.js';
import type { ChatIdentity } from '../../bot/core/identity.js';
import type { AuditChannel } from '../../bot/domain/audit-entry.js';
import type { ActionResult } from '../../bot/features/cadre/cadre-services.js';
import type { Db, PrismaClient } from '../../runtime/database.js';
import { createRegistrationWorkflow, type WorkflowResult } from './registration-workflow.js';

/**
 * The domain's registration workflow on the turn's own transaction: its `$transaction`
 * runs the callback on `db`, so a transition, its audit row, the conversation state and
 * the replies commit (or roll back) together.
 */
export function turnWorkflow(db: Db, now: Date) {
  const prisma = { $transaction: <T>(fn: (tx: Db) => Promise<T>) => fn(db) } as unknown as PrismaClient;
  return createRegistrationWorkflow({ prisma, clock: fixedClock(now) });
}

/** The workflow's answer as the features see it; `notifyCadreId` when the contact cadre must hear of it. */
export function toActionResult(result: WorkflowResult, contactCadreId: string | null): ActionResult {
  if (!result.ok) {
    return { ok: false, reason: result.error.reason, args: { ...result.error.args }, allowed: [...result.error.allowedEvents] };
  }
  const notify = result.effects.some((e) => e.type === 'notify_contact_cadre');
  return { ok: true, registrationId: result.registrationId, code: result.code, to: result.to, warnings: result.warnings, notifyCadreId: notify ? contactCadreId : null };
}

/** The channel part of a namespaced user id ("zalo-oa:84…" → "zalo-oa"), for audit rows. */
export const channelOf = (user: ChatIdentity) => user.userId.split(':')[0] as AuditChannel;
