import { describe, expect, it } from 'vitest';
import type { DenialReason } from '../../../bot/domain/denial.js';
import { REGISTRATION_EVENTS, REGISTRATION_STATUSES, type RegistrationEvent, type RegistrationStatus } from '../../../bot/domain/registration-status.js';
import type { TransitionRequest } from '../../../bot/domain/status-machine.js';
import { TRANSITIONS } from '../../../bot/domain/transition-table.js';
import { ACTORS, PAYLOADS, machine, registration, type ActorName } from './domain-fixtures.js';
import { TRANSITION_CASES as CASES, expectedOutcome } from './transition-cases.js';

function request(event: RegistrationEvent, actor: ActorName, from: RegistrationStatus | null, payload?: unknown): TransitionRequest {
  return {
    event,
    actor: ACTORS[actor],
    channel: 'console',
    registration: from === null ? null : registration(from),
    payload: payload ?? PAYLOADS[event],
  } as TransitionRequest;
}

describe('status machine: every transition, per role and scope', () => {
  it('covers T1–T18', () => {
    expect(CASES.map((c) => c.id)).toEqual(TRANSITIONS.map((t) => t.id));
  });

  for (const c of CASES) {
    const rows = (Object.keys(ACTORS) as ActorName[]).map((actor) => ({
      actor,
      expected: expectedOutcome(c, actor),
    }));
    it.each(rows)(`${c.id} ${c.event} from ${c.from ?? 'new'} by $actor → $expected`, ({ actor, expected }) => {
      const outcome = machine.apply(request(c.event, actor, c.from));
      if (expected === 'ok') {
        expect(outcome.ok ? outcome : outcome.error.message).toMatchObject({ ok: true, transition: c.id, from: c.from, to: c.to });
        if (!outcome.ok) return;
        const audit = outcome.effects.find((e) => e.type === 'write_audit');
        expect(audit).toMatchObject({ before: c.from, after: c.to, channel: 'console', action: `registration.${c.event}` });
      } else {
        expect(outcome.ok).toBe(false);
        if (outcome.ok) return;
        expect(outcome.error.reason).toBe(expected);
        expect(outcome.error.messageKey).toBe(`err-${expected}`);
      }
    });
  }
});

/**
 * Written out by hand from ../shared/docs/domain.md (T2–T17), NOT derived from
 * bot/domain/transition-table.ts: a transition wrongly added to the table must
 * fail here. T1 (create) has no "from"; T18 (admin correction) is allowed from any status.
 */
const FORBIDDEN_FROM: Record<Exclude<RegistrationEvent, 'create' | 'admin_correct'>, RegistrationStatus[]> = {
  edit: ['submitted', 'needs_revision', 'accepted', 'under_evaluation', 'recognized', 'not_recognized', 'rejected', 'withdrawn', 'revoked', 'deleted'], // T2: only from draft
  submit: ['submitted', 'needs_revision', 'accepted', 'under_evaluation', 'recognized', 'not_recognized', 'rejected', 'withdrawn', 'revoked', 'deleted'], // T3: only from draft
  discard: ['submitted', 'needs_revision', 'accepted', 'under_evaluation', 'recognized', 'not_recognized', 'rejected', 'withdrawn', 'revoked', 'deleted'], // T4: only from draft
  accept: ['draft', 'needs_revision', 'accepted', 'under_evaluation', 'recognized', 'not_recognized', 'rejected', 'withdrawn', 'revoked', 'deleted'], // T5: only from submitted
  return: ['draft', 'needs_revision', 'accepted', 'under_evaluation', 'recognized', 'not_recognized', 'rejected', 'withdrawn', 'revoked', 'deleted'], // T6: only from submitted
  reject: ['draft', 'needs_revision', 'accepted', 'under_evaluation', 'recognized', 'not_recognized', 'rejected', 'withdrawn', 'revoked', 'deleted'], // T7: only from submitted
  resubmit: ['draft', 'submitted', 'accepted', 'under_evaluation', 'recognized', 'not_recognized', 'rejected', 'withdrawn', 'revoked', 'deleted'], // T8: only from needs_revision
  withdraw: ['draft', 'under_evaluation', 'recognized', 'not_recognized', 'rejected', 'withdrawn', 'revoked', 'deleted'], // T9: only from submitted, needs_revision, accepted
  attach_report: ['draft', 'submitted', 'needs_revision', 'under_evaluation', 'recognized', 'not_recognized', 'rejected', 'withdrawn', 'revoked', 'deleted'], // T10: only from accepted
  open_evaluation: ['draft', 'submitted', 'needs_revision', 'under_evaluation', 'recognized', 'not_recognized', 'rejected', 'withdrawn', 'revoked', 'deleted'], // T11: only from accepted
  request_info: ['draft', 'submitted', 'needs_revision', 'accepted', 'recognized', 'not_recognized', 'rejected', 'withdrawn', 'revoked', 'deleted'], // T12: only from under_evaluation
  record_evaluation: ['draft', 'submitted', 'needs_revision', 'accepted', 'recognized', 'not_recognized', 'rejected', 'withdrawn', 'revoked', 'deleted'], // T13: only from under_evaluation
  recognize: ['draft', 'submitted', 'needs_revision', 'accepted', 'recognized', 'not_recognized', 'rejected', 'withdrawn', 'revoked', 'deleted'], // T14: only from under_evaluation
  decline: ['draft', 'submitted', 'needs_revision', 'accepted', 'recognized', 'not_recognized', 'rejected', 'withdrawn', 'revoked', 'deleted'], // T15: only from under_evaluation
  nominate_up: ['draft', 'submitted', 'needs_revision', 'accepted', 'under_evaluation', 'not_recognized', 'rejected', 'withdrawn', 'revoked', 'deleted'], // T16: only from recognized
  revoke: ['draft', 'submitted', 'needs_revision', 'accepted', 'under_evaluation', 'not_recognized', 'rejected', 'withdrawn', 'revoked', 'deleted'], // T17: only from recognized
};

describe('status machine: forbidden from every other status', () => {
  const rows = Object.entries(FORBIDDEN_FROM).flatMap(([event, statuses]) => statuses.map((status) => ({ event: event as RegistrationEvent, status })));
  it.each(rows)('$event from $status is refused', ({ event, status }) => {
    const outcome = machine.apply(request(event, 'adminVN', status));
    expect(outcome.ok).toBe(false);
    if (outcome.ok) return;
    const special: Partial<Record<RegistrationEvent, DenialReason>> = { withdraw: 'withdraw-under-evaluation', attach_report: 'report-needs-accepted' };
    const expected = (event === 'withdraw' && status === 'under_evaluation') || event === 'attach_report' ? special[event]! : 'transition-not-allowed';
    expect(outcome.error.reason).toBe(expected);
    expect(outcome.error.args).toMatchObject({ status, event });
  });

  it('create of an existing registration is meaningless, and every event has a rule', () => {
    expect(TRANSITIONS.map((t) => t.event).sort()).toEqual([...REGISTRATION_EVENTS].sort());
  });
});
