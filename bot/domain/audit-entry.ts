import type { Channel } from '../core/inbound-event.js';

/** Where an audited action came from; `system` for scheduled jobs, `seed` for fixture loads. */
export type AuditChannel = Channel | 'system' | 'seed';

/**
 * One append-only audit row (domain §2.1 AuditLog): who, when, what, before, after,
 * channel. PostgreSQL refuses UPDATE and DELETE on the table (a trigger).
 */
export interface AuditEntry {
  at: Date;
  actor: string;
  action: string;
  entityType: string;
  entityId: string;
  before: unknown;
  after: unknown;
  channel: AuditChannel;
}
