import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runSeed } from '../../prisma/seed/seed.js';
import { readSeedFixture } from '../../prisma/seed/seed-fixture.js';
import { DEMO_ACCOUNTS } from '../../prisma/seed/loaders/demo-accounts.loader.js';
import { allocateRegistrationCode } from '../../worker/store/registration-code.allocator.js';
import { createTestDatabase, type TestDatabase } from '../helpers/test-database.js';

describe('domain seed (models, recognitions, events, awards, stats, demo accounts)', () => {
  let db: TestDatabase;
  const fixture = readSeedFixture();
  beforeAll(async () => {
    db = await createTestDatabase();
    await runSeed(db.prisma);
  });
  afterAll(async () => {
    await db?.drop();
  });

  async function snapshot() {
    const p = db.prisma;
    return {
      registrations: await p.registration.findMany({ orderBy: { id: 'asc' }, omit: { updatedAt: true } }),
      recognitions: await p.recognition.findMany({ orderBy: { id: 'asc' } }),
      nominations: await p.nomination.findMany({ orderBy: { id: 'asc' } }),
      events: await p.event.findMany({ orderBy: { id: 'asc' }, omit: { updatedAt: true } }),
      awards: await p.award.findMany({ orderBy: { id: 'asc' } }),
      stats: await p.unitStatistic.findMany({ orderBy: { id: 'asc' } }),
      cadres: await p.cadre.findMany({ orderBy: { id: 'asc' }, omit: { updatedAt: true } }),
      roles: await p.cadreRole.findMany({ orderBy: { id: 'asc' } }),
      calendar: await p.campaignCalendarEntry.findMany({ orderBy: { id: 'asc' } }),
      counters: await p.registrationCodeCounter.findMany({ orderBy: [{ year: 'asc' }, { unitShortCode: 'asc' }] }),
      edges: await p.unitParentEdge.findMany({ orderBy: { id: 'asc' } }),
      lineage: await p.unitLineage.findMany({ orderBy: [{ fromUnitId: 'asc' }, { toUnitId: 'asc' }] }),
      notes: await p.registrationNote.findMany({ orderBy: { id: 'asc' } }),
      audit: await p.auditLog.count(),
    };
  }

  it('seeding twice leaves the same rows, field for field', async () => {
    const first = await snapshot();
    await runSeed(db.prisma);
    expect(await snapshot()).toEqual(first);
    expect(first.registrations).toHaveLength(fixture.models.length);
    expect(first.events).toHaveLength(fixture.events.length);
    expect(first.awards).toHaveLength(fixture.awards.length);
    expect(first.stats).toHaveLength(fixture.stats.length);
    expect(first.audit).toBe(0);
  }, 60_000);

  it('keeps recognitions with the tier and issuer of the decision', async () => {
    const m01 = await db.prisma.registration.findUniqueOrThrow({ where: { id: 'm01' }, include: { recognitions: true } });
    expect(m01).toMatchObject({ code: 'DVK-2022-HK-001', status: 'recognized', unitSnapshot: { label: 'Công an phường Hàng Bồ, Hàng Bồ, Hoàn Kiếm, Hà Nội' } });
    expect(m01.recognitions).toMatchObject([{ tierCode: 'huyen', issuerUnitId: 'org-hk-quanuy', year: 2022, issuerSnapshot: { label: 'Quận ủy Hoàn Kiếm, Hoàn Kiếm, Hà Nội' } }]);
    const m21 = await db.prisma.recognition.findUniqueOrThrow({ where: { id: 'm21-r1' }, include: { nominations: true } });
    expect(m21).toMatchObject({ tierInferred: true, nominations: [{ toTierCode: 'tinh', outcome: 'unknown' }] });
    expect(await db.prisma.registration.findUniqueOrThrow({ where: { id: 'm26' }, include: { notes: true } })).toMatchObject({
      status: 'needs_revision', contactCadreId: 'demo-cadre-cuanam', synthetic: true, notes: [{ event: 'return' }],
    });
  });

  it('new codes continue after the fixture codes', async () => {
    expect(await allocateRegistrationCode(db.prisma, 2026, 'CN')).toBe('DVK-2026-CN-043');
    expect(await allocateRegistrationCode(db.prisma, 2026, 'TH')).toBe('DVK-2026-TH-008');
  });

  it('has fictitious demo accounts for each role, and a demo calendar for phường Cửa Nam', async () => {
    const cadres = await db.prisma.cadre.findMany({ where: { demo: true }, include: { roles: true, chatUsers: true } });
    for (const account of DEMO_ACCOUNTS) {
      const c = cadres.find((x) => x.id === account.cadreId);
      expect(c?.fullName).toContain('(demo)');
      expect(c?.roles.map((r) => r.role)).toEqual([account.role]);
      expect(c?.chatUsers.map((u) => u.id)).toEqual([`console:${account.cadreId}`]);
    }
    const named = JSON.stringify(fixture).normalize('NFC');
    for (const c of cadres) expect(named).not.toContain(c.fullName.replace(' (demo)', ''));
    expect(await db.prisma.chatUser.findUniqueOrThrow({ where: { id: 'console:demo-resident' } })).toMatchObject({ role: 'resident', cadreId: null });
    const calendar = await db.prisma.campaignCalendarEntry.findMany({ where: { reviewingUnitId: 'hn-p-cuanam', year: 2026 } });
    expect(calendar).toHaveLength(4);
    expect(calendar.every((e) => e.demo && e.note?.includes('DEMO'))).toBe(true);
  });

  it('loads events with their partial dates and awards with their events', async () => {
    expect(await db.prisma.event.findUniqueOrThrow({ where: { id: 'e03' } })).toMatchObject({ dateText: '2023', datePrecision: 'year', startsAt: null });
    expect(await db.prisma.event.findUniqueOrThrow({ where: { id: 'e09' } })).toMatchObject({ startsAt: new Date('2026-12-06T01:00:00Z'), hostUnitId: 'hn-p-cuanam', synthetic: true });
    expect(await db.prisma.award.findUniqueOrThrow({ where: { id: 'a03' } })).toMatchObject({ form: 'giai_hoi_thi', rank: 'xuat_sac', recipientUnitId: 'th-quangan', eventId: 'e04' });
    expect(await db.prisma.award.findUniqueOrThrow({ where: { id: 'a01' } })).toMatchObject({ form: 'ky_niem_chuong', recipientNameFolded: 'ho phuong', eventId: 'e06' });
  });
});
