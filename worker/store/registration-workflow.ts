import { randomUUID } from 'node:crypto';
import type { Clock } from '../../bot/core/clock.js';
import type { AuditChannel } from '../../bot/domain/audit-entry.js';
import { createCampaignCalendar } from '../../bot/domain/campaign-calendar.js';
import { vietnamDateOf } from '../../bot/domain/iso-date.js';
import type { RegistrationEvent, RegistrationStatus } from '../../bot/domain/registration-status.js';
import type { Actor } from '../../bot/domain/roles.js';
import { actorId } from '../../bot/domain/roles.js';
import { createStatusMachine, type TransitionRequest } from '../../bot/domain/status-machine.js';
import { findPossibleDuplicates } from '../../bot/domain/title-similarity.js';
import type { TransitionDeniedError } from '../../bot/domain/transition-denied-error.js';
import type { TransitionPayloads } from '../../bot/domain/transition-payloads.js';
import type { Db, PrismaClient } from '../../runtime/database.js';
import { loadCalendarEntries } from './campaign-calendar.repository.js';
import { performStoreEffects, type CallerEffect } from './registration-effects.js';
import { draftColumns, loadDuplicateCandidates, loadRegistrationState, lockRegistration, type DraftFields } from './registration.repository.js';
import { loadTierCatalog, loadUnitTree } from './unit-tree.repository.js';
import { RegistrationNotFoundError } from './registration-not-found-error.js';
import { cancelRegistrationReminders } from '../reminders/reminder-cancellation.js';

export interface RegistrationWorkflowDeps {
  prisma: PrismaClient;
  clock: Clock;
  newId?: () => string;
  /** Interactive-transaction limits; submissions queue on the code counter under load. */
  transaction?: { maxWait: number; timeout: number };
}

export type WorkflowResult =
  | { ok: true; registrationId: string; code: string | null; from: RegistrationStatus | null; to: RegistrationStatus; effects: CallerEffect[]; warnings: string[]; cancelledReminders?: number }
  | { ok: false; error: TransitionDeniedError };

/** Events whose payload the workflow completes from the database (duplicates, calendar). */
type LookedUp = 'submit' | 'resubmit';
export type FirePayload<E extends RegistrationEvent> = E extends LookedUp ? { confirmedNewModel?: boolean } : TransitionPayloads[E];

/**
 * The caller of the pure status machine: in one database transaction it locks the
 * registration, builds the request (duplicates, calendar), applies the machine and
 * performs the resulting store effects, including the audit row. Messages, reminder
 * cancellation and announcement drafts are returned for the conversation layer.
 */
export function createRegistrationWorkflow(deps: RegistrationWorkflowDeps) {
  const newId = deps.newId ?? randomUUID;
  const txOptions = deps.transaction ?? { maxWait: 30_000, timeout: 30_000 };

  async function context(tx: Db) {
    const [units, tiers] = await Promise.all([loadUnitTree(tx), loadTierCatalog(tx)]);
    return { units, tiers, machine: createStatusMachine({ units, tiers, clock: deps.clock }) };
  }

  async function create(input: { actor: Actor; channel: AuditChannel; subjectUnitId: string; year: number; allowNextYear?: boolean; fields?: DraftFields }): Promise<WorkflowResult> {
    return deps.prisma.$transaction(async (tx) => {
      const { units, machine } = await context(tx);
      const payload = { subjectUnitId: input.subjectUnitId, year: input.year, allowNextYear: input.allowNextYear ?? false };
      const outcome = machine.apply({ event: 'create', actor: input.actor, channel: input.channel, registration: null, payload });
      if (!outcome.ok) return outcome;
      const cadreId = input.actor.kind === 'cadre' ? input.actor.cadreId : null;
      const id = newId();
      await tx.registration.create({
        data: { id, year: input.year, subjectUnitId: input.subjectUnitId, status: outcome.to, createdByCadreId: cadreId, contactCadreId: cadreId, ...draftColumns(input.fields ?? {}) },
      });
      const state = (await loadRegistrationState(tx, id))!;
      const now = deps.clock.now();
      const done = await performStoreEffects(outcome.effects, { db: tx, units, now, today: vietnamDateOf(now), actor: actorId(input.actor), channel: input.channel, registration: state, newId });
      return { ok: true, registrationId: id, code: null, from: null, to: outcome.to, effects: done.callerEffects, warnings: outcome.warnings };
    }, txOptions);
  }

  async function fire<E extends Exclude<RegistrationEvent, 'create'>>(input: {
    actor: Actor;
    channel: AuditChannel;
    registrationId: string;
    event: E;
    payload: FirePayload<E>;
    /** For `edit`: the new field values. */
    changes?: DraftFields;
  }): Promise<WorkflowResult> {
    return deps.prisma.$transaction(async (tx) => {
      if (!(await lockRegistration(tx, input.registrationId))) throw new RegistrationNotFoundError(input.registrationId);
      const { units, machine } = await context(tx);
      const state = (await loadRegistrationState(tx, input.registrationId))!;
      const now = deps.clock.now();
      const today = vietnamDateOf(now);
      if (input.event === 'edit' && input.changes) Object.assign(state, draftColumnsForState(input.changes));
      let payload: unknown = input.payload;
      if (input.event === 'submit' || input.event === 'resubmit') {
        const confirmedNewModel = (input.payload as { confirmedNewModel?: boolean }).confirmedNewModel ?? false;
        const duplicates = state.title ? findPossibleDuplicates({ id: state.id, title: state.title, subjectUnitId: state.subjectUnitId, year: state.year }, await loadDuplicateCandidates(tx, state.subjectUnitId, state.year)) : [];
        const calendar = createCampaignCalendar({ units, entries: await loadCalendarEntries(tx, state.year) });
        payload = { duplicates, confirmedNewModel, ...(input.event === 'submit' ? { registrationWindow: calendar.registrationWindow(state.subjectUnitId, state.year, today) } : {}) };
      }
      const request = { event: input.event, actor: input.actor, channel: input.channel, registration: state, payload } as TransitionRequest;
      const outcome = machine.apply(request);
      if (!outcome.ok) return outcome;
      const done = await performStoreEffects(outcome.effects, { db: tx, units, now, today, actor: actorId(input.actor), channel: input.channel, registration: state, newId });
      await tx.registration.update({
        where: { id: state.id },
        data: {
          ...done.columns,
          ...(input.event === 'edit' && input.changes ? draftColumns(input.changes) : {}),
          status: outcome.to,
          version: { increment: 1 },
          ...(input.event === 'submit' || input.event === 'resubmit' ? { submittedAt: now } : {}),
        },
      });
      // Filing the report, withdrawing, closing: what the reminders were for is settled.
      let cancelledReminders = 0;
      for (const effect of done.callerEffects) {
        if (effect.type === 'cancel_reminders') cancelledReminders += await cancelRegistrationReminders(tx, state.id, effect.reportKind, now);
      }
      return { ok: true, registrationId: state.id, code: done.code, from: outcome.from, to: outcome.to, effects: done.callerEffects, warnings: outcome.warnings, cancelledReminders };
    }, txOptions);
  }

  return { create, fire };
}

export type RegistrationWorkflow = ReturnType<typeof createRegistrationWorkflow>;

/** Edited values as the machine sees them, so T2 validates what will be stored. */
function draftColumnsForState(changes: DraftFields) {
  return Object.fromEntries(Object.entries(changes).filter(([, v]) => v !== undefined));
}
