import type { CadreApi, CadreProfile, DraftFields, RegistrationView } from '../../../../bot/features/cadre/cadre-services.js';
import { rubricFor } from '../../../../bot/features/cadre/evaluation-rubric.js';

/** An in-memory CadreApi for flow tests: one cadre of Cửa Nam, drafts and submissions in arrays. */
export function createFakeCadreApi(overrides: Partial<CadreProfile> = {}) {
  const profile: CadreProfile = {
    cadreId: 'c1', fullName: 'Phạm Minh An', position: 'Bí thư Chi đoàn', phoneMasked: '09xx xxx 678', unitId: 'hn-p-cuanam', unitName: 'Cửa Nam',
    status: 'active', roles: ['cadre'], formerUnit: null, rolesSuspended: false, ...overrides,
  };
  const drafts = new Map<string, DraftFields>();
  const submitted: Array<{ code: string; fields: DraftFields }> = [];
  const views: RegistrationView[] = [];
  let sequence = 16;
  const api: CadreApi = {
    profile: async () => profile,
    linking: {
      lockedUntil: async () => null,
      checkCode: async () => ({ ok: false, reason: 'unknown', lockedUntil: null }),
      confirm: async () => null,
      chooseSuccessorUnit: async () => null,
      decideSuccessorUnit: async () => ({ ok: false, reason: 'nothing_pending' }),
    },
    registrations: {
      resolveUnit: async () => ({ kind: 'not_found' }),
      unitName: async (id) => id,
      contactCandidates: async () => [],
      registrationWindow: async () => ({ status: 'not_configured' }),
      saveDraft: async (_u, id, fields) => {
        const draftId = id ?? `d${drafts.size + 1}`;
        drafts.set(draftId, fields);
        return { ok: true, draftId };
      },
      latestDraft: async () => {
        const last = [...drafts.entries()].at(-1);
        return last ? { draftId: last[0], fields: last[1] } : null;
      },
      discardDraft: async (_u, id) => void drafts.delete(id),
      submit: async (_u, id, fields) => {
        if (id) drafts.delete(id);
        sequence += 1;
        const code = `DVK-2026-CN-${String(sequence).padStart(3, '0')}`;
        submitted.push({ code, fields });
        return { ok: true, registrationId: code, code, to: 'submitted', warnings: [], notifyCadreId: null, reviewingUnitName: 'Cửa Nam' };
      },
      listMine: async () => views,
      findByCode: async (_u, code) => views.find((v) => v.code === code) ?? null,
      searchByTitle: async () => [],
      get: async (_u, id) => views.find((v) => v.id === id) ?? null,
      revise: async () => ({ ok: false, reason: 'not-found', args: {} }),
      withdraw: async () => ({ ok: false, reason: 'not-found', args: {} }),
      attachReport: async () => ({ ok: false, reason: 'not-found', args: {} }),
    },
    review: {
      queue: async () => [],
      allowedActions: async () => [],
      act: async () => ({ ok: false, reason: 'not-found', args: {} }),
      rubric: rubricFor,
      approverTier: async () => null,
    },
    notifications: { notifyCadre: async () => 0, notifyReviewers: async () => 0 },
  };
  return { api, profile, drafts, submitted, views };
}
