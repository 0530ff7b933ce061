import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isVisibleToResident, type RegistrationStatus } from '../../../bot/domain/registration-status.js';
import { loadActorForChatUser, redeemInviteCode } from '../../../worker/store/cadre.repository.js';
import { findPublicRegistrations } from '../../../worker/store/public-registration.repository.js';
import { createTestDatabase, type TestDatabase } from '../../helpers/test-database.js';
import { insertRegistration, seedDomainBasics } from './store-fixtures.js';

describe('invite codes and what residents see (PostgreSQL)', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase();
    await seedDomainBasics(db.prisma);
  });
  afterAll(async () => {
    await db?.drop();
  });

  it('an invite code binds a chat account to its cadre once', async () => {
    const now = new Date('2026-11-23T03:00:00Z');
    for (const id of ['telegram:111', 'telegram:222']) {
      await db.prisma.chatUser.create({ data: { id, channel: 'telegram', platformUserId: id.slice(9), chatId: id.slice(9) } });
    }
    const results = await Promise.all([redeemInviteCode(db.prisma, ' demo01 ', 'telegram:111', now), redeemInviteCode(db.prisma, 'DEMO01', 'telegram:222', now)]);
    expect(results.filter(Boolean)).toEqual(['demo-cadre-cuanam']);
    const winner = results[0] ? 'telegram:111' : 'telegram:222';
    expect(await loadActorForChatUser(db.prisma, winner)).toMatchObject({ cadreId: 'demo-cadre-cuanam', grants: [{ role: 'cadre', scopeUnitId: 'hn-p-cuanam' }] });
    expect(await redeemInviteCode(db.prisma, 'NOPE99', 'telegram:111', now)).toBeUndefined();
  });

  it('residents only get recognised or staff-marked-public registrations', async () => {
    const statuses: RegistrationStatus[] = ['draft', 'submitted', 'needs_revision', 'accepted', 'under_evaluation', 'recognized', 'not_recognized', 'rejected', 'withdrawn', 'revoked', 'deleted'];
    const ids = new Map<string, { status: RegistrationStatus; markedPublic: boolean }>();
    for (const status of statuses) {
      for (const markedPublic of [false, true]) {
        const id = await insertRegistration(db.prisma, status, { subjectUnitId: 'hn-p-hoankiem' });
        await db.prisma.registration.update({ where: { id }, data: { markedPublic } });
        ids.set(id, { status, markedPublic });
      }
    }
    const visible = await findPublicRegistrations(db.prisma, { subjectUnitIds: ['hn-p-hoankiem'] });
    const expected = [...ids.entries()].filter(([, r]) => isVisibleToResident(r)).map(([id]) => id).sort();
    expect(visible.map((r) => r.id).sort()).toEqual(expected);
    expect(visible.every((r) => r.status === 'recognized' || ['accepted', 'under_evaluation', 'not_recognized', 'revoked'].includes(r.status))).toBe(true);
    expect(visible.some((r) => r.status === 'draft' || r.status === 'withdrawn' || r.status === 'rejected')).toBe(false);
  });
});
