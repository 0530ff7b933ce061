import { vietnamDateOf } from '../../bot/domain/iso-date.js';
import type { Db } from '../../runtime/database.js';
import { loadUnitTree } from '../store/unit-tree.repository.js';
import { audienceUnits } from './audience-units.js';
import { planRecipients, previewAudience, type AudiencePreview } from './audience-plan.js';
import type { BroadcastAudience, BroadcastKind } from './broadcast-vocabulary.js';
import type { BroadcastSettings } from './broadcast-settings.js';
import type { CandidateQuery } from './recipient-candidates.sql.js';

export interface AudienceSpec {
  unitId: string;
  audience: BroadcastAudience;
  kind: BroadcastKind;
}

async function candidateQuery(db: Db, spec: AudienceSpec, settings: BroadcastSettings, now: Date): Promise<CandidateQuery> {
  const tree = await loadUnitTree(db);
  return { ...spec, units: audienceUnits(tree, spec.unitId, vietnamDateOf(now)), now, ...settings };
}

/** Recipient counts per channel and the exclusions, for the composer's preview. */
export async function previewBroadcastAudience(db: Db, spec: AudienceSpec, settings: BroadcastSettings, now: Date): Promise<AudiencePreview> {
  return previewAudience(db, await candidateQuery(db, spec, settings, now));
}

/** Writes the recipient rows of a broadcast (idempotent) and stamps `planned_at`. */
export async function planBroadcast(db: Db, broadcastId: string, spec: AudienceSpec, settings: BroadcastSettings, now: Date, batchSize?: number): Promise<number> {
  const scanned = await planRecipients(db, broadcastId, await candidateQuery(db, spec, settings, now), batchSize);
  await db.broadcast.update({ where: { id: broadcastId }, data: { plannedAt: now } });
  return scanned;
}
