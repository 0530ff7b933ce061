import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Prisma } from '../../generated/client.js';
import type { SeedLoader } from '../seed-loader.js';

/** One configured public answer, as written in resident-config.json. */
interface ResidentConfigEntry {
  id: string;
  kind: string;
  unitId?: string;
  terms?: string[];
  content: Record<string, unknown>;
  sortOrder?: number;
  demo?: boolean;
  source?: string;
}

export const RESIDENT_CONFIG_PATH = path.join(import.meta.dirname, '..', 'resident-config.json');

/** Deep NFC: stored Vietnamese text is always NFC (domain §2.1). */
function nfc(value: unknown): unknown {
  if (typeof value === 'string') return value.normalize('NFC');
  if (Array.isArray(value)) return value.map(nfc);
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, nfc(v)]));
  return value;
}

/**
 * Glossary, yearly rhythm, typical festival timing, anniversary bases, contest format,
 * demo office contact and street rows the resident features answer from (issue 8).
 * Upserts by id, so reseeding is idempotent.
 */
export const residentConfigLoader: SeedLoader = {
  name: 'resident-config',
  async load(prisma) {
    const { entries } = JSON.parse(readFileSync(RESIDENT_CONFIG_PATH, 'utf8')) as { entries: ResidentConfigEntry[] };
    for (const e of entries) {
      const data = {
        kind: e.kind,
        unitId: e.unitId ?? null,
        terms: e.terms ?? [],
        content: nfc(e.content) as Prisma.InputJsonValue,
        sortOrder: e.sortOrder ?? 0,
        demo: e.demo ?? false,
        source: e.source ?? null,
      };
      await prisma.publicInfo.upsert({ where: { id: e.id }, create: { id: e.id, ...data }, update: data });
    }
  },
};
