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

describe('status machine: forbidden from every other status', () => {
  const rows = TRANSITIONS.filter((t) => t.event !== 'create').flatMap((t) =>
    REGISTRATION_STATUSES.filter((s) => t.from !== 'any' && !t.from.includes(s)).map((status) => ({ id: t.id, event: t.event, status })),
  );
  it.each(rows)('$id $event from $status is refused', ({ event, status }) => {
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
