import { parseRegistrationCode } from '../../../bot/domain/registration-code.js';
import { foldText, normalizeStoredText } from '../../../bot/core/fold.js';
import type { Prisma } from '../../generated/client.js';
import { reserveRegistrationSequence } from '../../../worker/store/registration-code.allocator.js';
import { unitSnapshot } from '../../../worker/store/registration.repository.js';
import { loadUnitTree } from '../../../worker/store/unit-tree.repository.js';
import type { SeedLoader } from '../seed-loader.js';
import { inParallel } from './in-parallel.js';

/** The fixture's model records (m01–m27), as far as this loader reads them. */
interface FixtureModel {
  id: string;
  code: string;
  year: number;
  category: string;
  subject_type: string;
  subject_unit_id: string;
  person?: { name: string; position: string | null };
  title: string;
  field: string;
  status: string;
  recognitions?: { tier: string; issuer_unit_id: string; year: number; tier_inferred?: boolean }[];
  nominations?: { to_tier: string; year: number; outcome: string }[];
  source: string;
  synthetic?: boolean;
}

/** Demo contact cadres for the synthetic records in phường Cửa Nam. */
const CONTACTS: Readonly<Record<string, string>> = { m26: 'demo-cadre-cuanam' };
/** The reviewer's comment behind m26's needs_revision (domain §3.2), synthetic like m26. */
const RETURN_COMMENTS: Readonly<Record<string, string>> = { m26: 'Bổ sung tiêu chí đánh giá và số hộ tham gia.' };

const json = (v: unknown) => JSON.parse(JSON.stringify(v)) as Prisma.InputJsonValue;

/**
 * Models as registrations with their recognitions (tier and issuer as of the decision)
 * and nominations. Code counters move up to the fixture's codes so new codes follow them.
 * No audit rows: seeding is not a status change, and the audit log is append-only.
 */
export const registrationsLoader: SeedLoader = {
  name: 'registrations',
  async load(prisma, fixture) {
    const units = await loadUnitTree(prisma);
    await inParallel(fixture.models as unknown as FixtureModel[], async (m) => {
      const yearEnd = `${m.year}-12-31`;
      const title = normalizeStoredText(m.title);
      const data = {
        code: m.code,
        year: m.year,
        category: m.category,
        subjectType: m.subject_type,
        subjectUnitId: m.subject_unit_id,
        personName: m.person?.name.normalize('NFC') ?? null,
        personPosition: m.person?.position?.normalize('NFC') ?? null,
        title,
        titleFolded: foldText(title),
        field: m.field,
        status: m.status,
        contactCadreId: CONTACTS[m.id] ?? null,
        unitSnapshot: json(unitSnapshot(units, m.subject_unit_id, yearEnd)),
        source: m.source,
        synthetic: m.synthetic ?? false,
      };
      await prisma.registration.upsert({ where: { id: m.id }, create: { id: m.id, ...data }, update: data });
      const code = parseRegistrationCode(m.code);
      if (code) await reserveRegistrationSequence(prisma, code.year, code.unitShortCode, code.sequence);

      const recognitionIds: string[] = [];
      for (const [i, r] of (m.recognitions ?? []).entries()) {
        const id = `${m.id}-r${i + 1}`;
        recognitionIds.push(id);
        const rec = {
          registrationId: m.id,
          tierCode: r.tier,
          issuerUnitId: r.issuer_unit_id,
          issuerSnapshot: json(unitSnapshot(units, r.issuer_unit_id, `${r.year}-12-31`)),
          year: r.year,
          status: 'approved',
          titleAsRecognized: title,
          tierInferred: r.tier_inferred ?? false,
        };
        await prisma.recognition.upsert({ where: { id }, create: { id, ...rec }, update: rec });
      }
      for (const [i, n] of (m.nominations ?? []).entries()) {
        const from = recognitionIds[0];
        if (!from) continue;
        const id = `${m.id}-n${i + 1}`;
        const nom = { fromRecognitionId: from, toTierCode: n.to_tier, outcome: n.outcome };
        await prisma.nomination.upsert({ where: { id }, create: { id, ...nom }, update: nom });
      }
      const comment = RETURN_COMMENTS[m.id];
      if (comment && (await prisma.registrationNote.count({ where: { registrationId: m.id, event: 'return' } })) === 0) {
        await prisma.registrationNote.create({ data: { registrationId: m.id, event: 'return', comment, author: 'cadre:demo-reviewer-cuanam', at: new Date('2026-04-02T02:00:00Z') } });
      }
    });
  },
};
