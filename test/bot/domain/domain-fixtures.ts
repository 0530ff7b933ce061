import { fixedClock } from '../../../bot/core/clock.js';
import { createInMemoryUnitTree } from '../../../bot/domain/in-memory-unit-tree.js';
import type { RegistrationState } from '../../../bot/domain/registration-state.js';
import type { RegistrationStatus } from '../../../bot/domain/registration-status.js';
import type { Actor, Role } from '../../../bot/domain/roles.js';
import { createStatusMachine } from '../../../bot/domain/status-machine.js';
import { createTierCatalog } from '../../../bot/domain/tier.js';
import type { TransitionPayloads } from '../../../bot/domain/transition-payloads.js';
import { fixtureTiers, fixtureUnitNodes } from './fixture-units.js';

export const NOW = '2026-11-23T03:00:00Z';
export const units = createInMemoryUnitTree(fixtureUnitNodes());
export const tiers = createTierCatalog(fixtureTiers());
export const machine = createStatusMachine({ units, tiers, clock: fixedClock(NOW) });

const cadre = (cadreId: string, role: Role, scopeUnitId: string, extra: Record<string, unknown> = {}): Actor => ({
  kind: 'cadre',
  cadreId,
  status: 'active',
  grants: [{ role, scopeUnitId, ...extra }],
});

/** Fictitious actors; "CN" = phường Cửa Nam (new), "HK" = phường Hoàn Kiếm (new). */
export const ACTORS = {
  cadreCN: cadre('c-cadre-cn', 'cadre', 'hn-p-cuanam'),
  cadreHK: cadre('c-cadre-hk', 'cadre', 'hn-p-hoankiem'),
  reviewerCN: cadre('c-reviewer-cn', 'reviewer', 'hn-p-cuanam'),
  reviewerCNDelegated: cadre('c-reviewer-cn2', 'reviewer', 'hn-p-cuanam', { mayDecline: true }),
  reviewerHK: cadre('c-reviewer-hk', 'reviewer', 'hn-p-hoankiem'),
  approverCN: cadre('c-approver-cn', 'approver', 'hn-p-cuanam', { tierCode: 'xa' }),
  approverHK: cadre('c-approver-hk', 'approver', 'hn-p-hoankiem', { tierCode: 'xa' }),
  approverHN: cadre('c-approver-hn', 'approver', 'hn', { tierCode: 'tinh' }),
  broadcasterCN: cadre('c-broadcaster-cn', 'broadcaster', 'hn-p-cuanam'),
  adminVN: cadre('c-admin', 'admin', 'vn'),
  suspendedCadreCN: { ...cadre('c-suspended', 'cadre', 'hn-p-cuanam'), status: 'suspended' } as Actor,
  system: { kind: 'system', job: 'test' } as Actor,
} satisfies Record<string, Actor>;
export type ActorName = keyof typeof ACTORS;

export function registration(status: RegistrationStatus, overrides: Partial<RegistrationState> = {}): RegistrationState {
  return {
    id: 'r1',
    status,
    year: 2026,
    code: status === 'draft' ? null : 'DVK-2026-CN-017',
    subjectUnitId: 'hn-p-cuanam',
    contactCadreId: 'c-cadre-cn',
    createdByCadreId: 'c-cadre-cn',
    title: 'Thanh niên tuyên truyền văn hóa lịch sử trên nền tảng công nghệ',
    category: 'mo_hinh',
    subjectType: 'tap_the',
    field: 'van_hoa_xa_hoi',
    summary: 'Chi đoàn dùng mã QR tại các di tích, đoàn viên thuyết minh cuối tuần cho khách và học sinh.',
    personName: null,
    location: null,
    startDate: '2026-03-01',
    endDate: null,
    updatedAt: new Date('2026-11-20T00:00:00Z'),
    reports: [],
    recognitions:
      status === 'recognized'
        ? [{ id: 'rec1', tierCode: 'xa', issuerUnitId: 'hn-p-cuanam', decisionNo: '12-QĐ/ĐU', decisionDate: '2026-10-15', status: 'approved' }]
        : [],
    ...overrides,
  };
}

/** A valid payload for every event, so tests vary one thing at a time. */
export const PAYLOADS: TransitionPayloads = {
  create: { subjectUnitId: 'hn-p-cuanam', year: 2026, allowNextYear: false },
  edit: { changedFields: ['title'] },
  submit: { duplicates: [], confirmedNewModel: false, registrationWindow: { status: 'not_configured' } },
  discard: {},
  accept: {},
  return: { comment: 'Bổ sung tiêu chí đánh giá và số hộ tham gia.' },
  reject: { reasonCode: 'trung_lap' },
  resubmit: { duplicates: [], confirmedNewModel: false },
  withdraw: { onCadreRequest: false },
  attach_report: {
    report: { kind: 'so_ket_6_thang', period: '2026-H1', dueDate: '2026-12-15', resultsText: '14 buổi thuyết minh', metrics: [], difficulties: null, proposals: null },
  },
  open_evaluation: { evaluationRoundOpen: false },
  request_info: { comment: 'Thiếu minh chứng.' },
  record_evaluation: {
    evaluation: { round: '2026', method: 'ho_so', evaluatorCadreIds: ['c-reviewer-cn'], visitedOn: null, scores: [{ criterionCode: 'sang_tao', score: 8, max: 10 }], verdict: 'dat', comment: null },
  },
  recognize: { decisionNo: '15-QĐ/ĐU', decisionDate: '2026-11-20', issuerUnitId: 'hn-p-cuanam', tierCode: 'xa' },
  decline: { reason: 'Chưa đạt tiêu chí hiệu quả.' },
  nominate_up: { toTierCode: 'tinh', toIssuerUnitId: 'hn' },
  revoke: { reason: 'Phát hiện sai phạm', decisionRef: '20-QĐ/ĐU' },
  admin_correct: { toStatus: 'accepted', reason: 'Nhập nhầm trạng thái' },
};
