import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { manualClock } from '../../bot/core/clock.js';
import { CHAT_ROLES, type ChatRole } from '../../bot/core/identity.js';
import { runSeed } from '../../prisma/seed/seed.js';
import { startTestApp, type TestApp } from '../helpers/test-app.js';
import type { ConsoleMessage } from '../helpers/console-client.js';
import { MARCH_10, registerModel } from './cadre-e2e-helpers.js';

/**
 * Issue 12 item 5: domain §2.4 as one table, by chat through the whole pipeline.
 * Every role (resident, cadre, reviewer, approver, broadcaster, admin) in four
 * situations — its unit inside the target's scope (Cửa Nam), outside it (Hoàn
 * Kiếm), an abolished unit (Hàng Trống, gone 1/7/2025), and its role suspended —
 * tries each capability on a target in Cửa Nam. Allowed: the capability's own
 * outcome. Denied: a polite Vietnamese message (no stack, no error name, no
 * unresolved placeholder), the state unchanged, and no audit row (the domain
 * audits every status change: an allowed acceptance writes one).
 *
 * Not by chat, so not in the table: "manage units, users and configuration"
 * (admin API), and reports (their own e2e test: a report needs an accepted
 * registration whose contact is the reporting cadre).
 */
type Scope = 'inside' | 'outside' | 'abolished' | 'suspended';
type Capability = 'ask-events' | 'subscribe' | 'create-registration' | 'review-accept' | 'recognize' | 'broadcast';
const SCOPES: Scope[] = ['inside', 'outside', 'abolished', 'suspended'];
const UNIT_OF: Record<Scope, string> = { inside: 'hn-p-cuanam', outside: 'hn-p-hoankiem', abolished: 'hk-hangtrong', suspended: 'hn-p-cuanam' };

/** Domain §2.4: who may, inside scope. */
const GRANTS: Record<Capability, ChatRole[]> = {
  'ask-events': [...CHAT_ROLES],
  subscribe: [...CHAT_ROLES],
  'create-registration': ['cadre', 'admin'],
  'review-accept': ['reviewer', 'admin'],
  recognize: ['approver', 'admin'],
  broadcast: ['broadcaster', 'admin'],
};
/** Open to everyone whatever their unit or role state. */
const PUBLIC: Capability[] = ['ask-events', 'subscribe'];

function expected(capability: Capability, role: ChatRole, scope: Scope): boolean {
  if (PUBLIC.includes(capability)) return true;
  if (!GRANTS[capability].includes(role)) return false;
  if (scope === 'suspended' || scope === 'abolished') return false;
  // A cadre registers for their own unit wherever it is; acting on Cửa Nam needs Cửa Nam in scope.
  if (scope === 'outside') return capability === 'create-registration';
  return true;
}

const VIETNAMESE = /[ăâđêôơưáàảãạấầẩẫậắằẳẵặéèẻẽẹếềểễệíìỉĩịóòỏõọốồổỗộớờởỡợúùủũụứừửữựýỳỷỹỵ]/i;
function politeDenial(text: string): string[] {
  const problems: string[] = [];
  if (text.trim().length === 0) problems.push('empty');
  if (!VIETNAMESE.test(text)) problems.push('not Vietnamese');
  if (/\bat .+:\d+:\d+|Error\b|undefined|null\b|\{ ?\$/.test(text)) problems.push('stack, error name or placeholder');
  return problems;
}

describe('authorisation matrix (domain §2.4) by chat', () => {
  let t: TestApp;
  const clock = manualClock(MARCH_10);
  let submittedCode = '';
  let submittedId = '';
  let evaluatedId = '';

  beforeAll(async () => {
    t = await startTestApp({ clock });
    await runSeed(t.db.prisma);
    await t.console.user('am-owner', { role: 'cadre', unitId: 'hn-p-cuanam' });
    submittedCode = await registerModel(t, 'am-owner', 'Khéo trong vận động bà con giữ ngõ phố sạch');
    submittedId = (await t.db.prisma.registration.findUniqueOrThrow({ where: { code: submittedCode } })).id;
    const second = await registerModel(t, 'am-owner', 'Khéo trong vận động hộ kinh doanh trả lại vỉa hè');
    const row = await t.db.prisma.registration.update({ where: { code: second }, data: { status: 'under_evaluation' } });
    evaluatedId = row.id;
  }, 120_000);
  afterAll(async () => {
    await t?.stop();
  });

  async function say(user: string, text: string): Promise<ConsoleMessage[]> {
    return t.console.say(user, text);
  }
  async function press(user: string, value: string): Promise<ConsoleMessage[]> {
    return t.console.answersTo(user, await t.console.press(user, value));
  }
  const status = async (id: string) => (await t.db.prisma.registration.findUniqueOrThrow({ where: { id } })).status;
  const audits = (id: string) => t.db.prisma.auditLog.count({ where: { entityId: id } });

  /** Tries one capability; returns whether it went through and the replies the user read. */
  async function attempt(capability: Capability, user: string): Promise<{ allowed: boolean; texts: string[]; auditsAdded: number }> {
    switch (capability) {
      case 'ask-events': {
        const r = await say(user, 'thu 7 nay p cua nam co ngay hoi ko');
        return { allowed: r.some((m) => m.text.includes('Cửa Nam')), texts: r.map((m) => m.text), auditsAdded: 0 };
      }
      case 'subscribe': {
        const r = await say(user, 'đăng ký nhận tin phường Cửa Nam');
        const row = await t.db.prisma.subscriber.findUnique({ where: { userId: `console:${user}` } });
        return { allowed: (row?.unitsOfInterest ?? []).includes('hn-p-cuanam'), texts: r.map((m) => m.text), auditsAdded: 0 };
      }
      case 'create-registration': {
        const r = await say(user, 'đăng ký mô hình');
        const allowed = r.some((m) => m.text.includes('Bước 1/7'));
        await say(user, 'hủy');
        return { allowed, texts: r.map((m) => m.text), auditsAdded: 0 };
      }
      case 'review-accept': {
        const before = await audits(submittedId);
        const r = await say(user, `tiếp nhận ${submittedCode}`);
        const allowed = (await status(submittedId)) === 'accepted';
        const auditsAdded = (await audits(submittedId)) - before;
        if (allowed) await t.db.prisma.registration.update({ where: { id: submittedId }, data: { status: 'submitted' } });
        return { allowed, texts: r.map((m) => m.text), auditsAdded };
      }
      case 'recognize': {
        const card = await press(user, `rv:open:${evaluatedId}`);
        const offered = card.some((m) => m.buttons.some((b) => b.value === 'rv:do:recognize'));
        const r = await press(user, 'rv:do:recognize');
        // Allowed: the bot asks for the decision number (then the user cancels).
        const allowed = offered && r.some((m) => /số quyết định/i.test(m.text));
        await say(user, 'hủy');
        expect(await status(evaluatedId)).toBe('under_evaluation');
        return { allowed, texts: [...card, ...r].map((m) => m.text), auditsAdded: 0 };
      }
      case 'broadcast': {
        const r = await say(user, 'gửi thông báo cho dân phường Cửa Nam: Lễ tuyên dương mô hình dân vận khéo vào 9h ngày 15/3 tại hội trường UBND phường');
        const allowed = r.some((m) => m.text.includes('Xem trước'));
        await say(user, 'hủy');
        return { allowed, texts: r.map((m) => m.text), auditsAdded: 0 };
      }
    }
  }

  const only = process.env.AUTH_MATRIX_ONLY;
  const rows = (Object.keys(GRANTS) as Capability[]).filter((c) => !only || only.split(',').includes(c)).flatMap((capability) =>
    CHAT_ROLES.flatMap((role) => SCOPES.map((scope) => ({ capability, role, scope, allowed: expected(capability, role, scope) }))),
  );

  it(`${rows.length} cases: allowed where §2.4 allows, a polite denial everywhere else`, async () => {
    const wrong: string[] = [];
    const impolite: string[] = [];
    let n = 0;
    for (const row of rows) {
      const user = `am-${row.role}-${row.scope}-${++n}`;
      await t.console.user(user, { role: row.role, unitId: UNIT_OF[row.scope] });
      if (row.scope === 'suspended' && row.role !== 'resident') {
        await say(user, 'xin chào'); // creates the account's cadre record
        const cadreId = (await t.db.prisma.chatUser.findUniqueOrThrow({ where: { id: `console:${user}` } })).cadreId!;
        await t.db.prisma.cadreRole.updateMany({ where: { cadreId }, data: { suspended: true } });
      }
      const got = await attempt(row.capability, user);
      // Domain §6.6: staff of an abolished unit are asked for their new unit on their next message
      // (roles suspended until confirmed); for an open capability that question is the right answer.
      if (row.scope === 'abolished' && row.role !== 'resident' && PUBLIC.includes(row.capability) && got.texts.some((x) => x.includes('hiện công tác ở đơn vị nào'))) got.allowed = true;
      const label = `${row.capability} × ${row.role} × ${row.scope}`;
      if (got.allowed !== row.allowed) wrong.push(`${label}: expected ${row.allowed ? 'allowed' : 'denied'}, got ${got.allowed ? 'allowed' : 'denied'} — ${JSON.stringify(got.texts).slice(0, 300)}`);
      if (!row.allowed) {
        const problems = got.texts.length === 0 ? ['no answer'] : got.texts.flatMap(politeDenial);
        if (problems.length > 0) impolite.push(`${label}: ${problems.join(', ')} — ${JSON.stringify(got.texts).slice(0, 300)}`);
      }
      if (row.capability === 'review-accept' && got.auditsAdded !== (got.allowed ? 1 : 0)) wrong.push(`${label}: ${got.auditsAdded} audit rows`);
    }
    console.log(`[authorisation matrix] ${rows.length} cases, ${rows.filter((r) => r.allowed).length} allowed, ${wrong.length} wrong, ${impolite.length} impolite`);
    expect(wrong).toEqual([]);
    expect(impolite).toEqual([]);
  }, 600_000);

  it('an admin of the ward records a recognition to the end, with its audit row (§2.4 admin ✓, T14)', async () => {
    await t.console.user('am-admin-recognizes', { role: 'admin', unitId: 'hn-p-cuanam' });
    const before = await audits(evaluatedId);
    await press('am-admin-recognizes', `rv:open:${evaluatedId}`);
    await press('am-admin-recognizes', 'rv:do:recognize');
    await say('am-admin-recognizes', '125-QĐ/ĐU');
    const [done] = await say('am-admin-recognizes', '9/3/2026');
    expect(done!.text).toContain('Đã ghi nhận công nhận hồ sơ');
    expect(await status(evaluatedId)).toBe('recognized');
    expect((await audits(evaluatedId)) - before).toBe(1);
  });
});
