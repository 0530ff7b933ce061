import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../../bot/core/clock.js';
import type { Actor } from '../../../bot/domain/roles.js';
import { createRegistrationWorkflow, type RegistrationWorkflow } from '../../../worker/store/registration-workflow.js';
import { loadCadreActor } from '../../../worker/store/cadre.repository.js';
import { createTestDatabase, type TestDatabase } from '../../helpers/test-database.js';
import { NOW, PAYLOADS, type ActorName } from '../../bot/domain/domain-fixtures.js';
import { TRANSITION_CASES, expectedOutcome } from '../../bot/domain/transition-cases.js';
import { insertRegistration, seedDomainBasics, seedExtraCadres } from './store-fixtures.js';

/** The pure tests' actor names, bound to cadre rows in PostgreSQL. */
const CADRE_IDS: Record<Exclude<ActorName, 'system'>, string> = {
  cadreCN: 'demo-cadre-cuanam',
  cadreHK: 'test-cadre-hk',
  reviewerCN: 'demo-reviewer-cuanam',
  reviewerCNDelegated: 'test-reviewer-cn-delegated',
  reviewerHK: 'test-reviewer-hk',
  approverCN: 'demo-approver-cuanam',
  approverHK: 'test-approver-hk',
  approverHN: 'test-approver-hn',
  broadcasterCN: 'demo-broadcaster-cuanam',
  adminVN: 'demo-admin',
  suspendedCadreCN: 'test-cadre-suspended',
};

describe('registration transitions on PostgreSQL (T1–T18, per role and scope)', () => {
  let db: TestDatabase;
  let workflow: RegistrationWorkflow;
  const actors = {} as Record<ActorName, Actor>;

  beforeAll(async () => {
    db = await createTestDatabase();
    await seedDomainBasics(db.prisma);
    await seedExtraCadres(db.prisma);
    for (const [name, id] of Object.entries(CADRE_IDS)) actors[name as ActorName] = (await loadCadreActor(db.prisma, id))!;
    actors.system = { kind: 'system', job: 'test' };
    workflow = createRegistrationWorkflow({ prisma: db.prisma, clock: fixedClock(NOW) });
  });
  afterAll(async () => {
    await db?.drop();
  });

  it('loads the demo actors with their scoped roles', () => {
    expect(actors.approverCN).toMatchObject({ kind: 'cadre', status: 'active', grants: [{ role: 'approver', scopeUnitId: 'hn-p-cuanam', tierCode: 'xa' }] });
    expect(actors.suspendedCadreCN).toMatchObject({ status: 'suspended' });
  });

  for (const c of TRANSITION_CASES) {
    const rows = (Object.keys(actors).length ? Object.keys(actors) : [...Object.keys(CADRE_IDS), 'system']).map((actor) => ({
      actor: actor as ActorName,
      expected: expectedOutcome(c, actor as ActorName),
    }));
    it.each(rows)(`${c.id} ${c.event} from ${c.from ?? 'new'} by $actor → $expected`, async ({ actor, expected }) => {
      const p = db.prisma;
      const auditBefore = await p.auditLog.count();
      let id: string | undefined;
      let result;
      if (c.event === 'create') {
        result = await workflow.create({ actor: actors[actor], channel: 'console', subjectUnitId: 'hn-p-cuanam', year: 2026, fields: { title: 'Mô hình thử nghiệm tạo mới trên PostgreSQL' } });
      } else {
        id = await insertRegistration(p, c.from!);
        const payload = c.event === 'submit' || c.event === 'resubmit' ? { confirmedNewModel: true } : PAYLOADS[c.event];
        result = await workflow.fire({ actor: actors[actor], channel: 'console', registrationId: id, event: c.event, payload: payload as never });
      }
      if (expected !== 'ok') {
        expect(result.ok ? 'ok' : result.error.reason).toBe(expected);
        if (id) expect((await p.registration.findUniqueOrThrow({ where: { id } })).status).toBe(c.from);
        expect(await p.auditLog.count()).toBe(auditBefore);
        return;
      }
      expect(result.ok ? result : result.error.message).toMatchObject({ ok: true, from: c.from, to: c.to });
      if (!result.ok) return;
      const row = await p.registration.findUniqueOrThrow({ where: { id: result.registrationId } });
      expect(row.status).toBe(c.to);
      const audit = await p.auditLog.findMany({ where: { entityType: 'registration', entityId: result.registrationId } });
      expect(audit).toHaveLength(1);
      expect(audit[0]).toMatchObject({
        action: `registration.${c.event}`,
        actor: actor === 'system' ? 'system:test' : `cadre:${CADRE_IDS[actor]}`,
        channel: 'console',
        at: new Date(NOW),
        before: c.from === null ? null : expect.objectContaining({ status: c.from }),
        after: expect.objectContaining({ status: c.to }),
      });
    });
  }
});
