import type { ChatIdentity } from '../../bot/core/identity.js';
import type { DraftFields, RegistrationService, Refusal, UnitChoice } from '../../bot/features/cadre/cadre-services.js';
import { vietnamDateOf, vietnamYearOf } from '../../bot/domain/iso-date.js';
import { createPlaceResolver, takeoverDate } from '../../bot/domain/place-resolver.js';
import type { Category, Field, SubjectType } from '../../bot/domain/registration-status.js';
import { foldedTokens } from '../../bot/core/fold.js';
import { lastValidDay } from '../../bot/domain/unit-tree.js';
import type { Db } from '../../runtime/database.js';
import { actorFor, maskedLocalPhone } from './cadre-identity.store.js';
import { toViews, visibilityFilter, VIEW_INCLUDE } from './cadre-registration-views.js';
import { attachReport, reviseAndResubmit } from './cadre-revisions.store.js';
import { channelOf, toActionResult, turnWorkflow } from './cadre-workflow.js';
import type { DraftFields as StoreDraftFields } from './registration.repository.js';
import { loadUnitTree } from './unit-tree.repository.js';
import { loadCalendarEntries } from './campaign-calendar.repository.js';
import { createCampaignCalendar } from '../../bot/domain/campaign-calendar.js';
import { toIsoDate } from './store-dates.js';
import { attachmentRefsOf, linkRegistrationAttachments } from '../attachments/attachment.repository.js';

const DRAFT_KEEP_DAYS = 30;
/** Words of a status question that are not part of a title ("mô hình vỉa hè tới đâu rồi"). */
const QUERY_NOISE = new Set(
  'mo hinh ho so dang ky cua em toi minh don vi duyet den dau roi a ah nhe tra cuu xem trang thai the nao sao chua duoc khong ko gi tinh hinh cong nhan tiep nhan nay nam bao gio rut nop bc bao cao ket tong muon xin giup lai bo sung huy dvk'.split(' '),
);

const refusal = (reason: Refusal['reason'], args: Refusal['args'] = {}): Refusal => ({ ok: false, reason, args });

function storeFields(fields: DraftFields): StoreDraftFields {
  const { subjectUnitId: _unit, year: _year, attachments: _files, ...rest } = fields;
  return rest as StoreDraftFields;
}

/** Registrations as cadres handle them by chat: drafts, submission, lists, lookups, revision, withdrawal, reports. */
export function createRegistrationService(db: Db): RegistrationService {
  async function saveDraft(user: ChatIdentity, draftId: string | null, fields: DraftFields, now: Date) {
    const actor = await actorFor(db, user);
    if (!actor) return refusal('role-not-permitted', { roles: 'cadre' });
    const workflow = turnWorkflow(db, now);
    if (draftId) {
      const row = await db.registration.findUnique({ where: { id: draftId }, select: { status: true, subjectUnitId: true } });
      if (row?.status === 'draft') {
        if (fields.subjectUnitId && fields.subjectUnitId !== row.subjectUnitId) {
          await db.registration.update({ where: { id: draftId }, data: { subjectUnitId: fields.subjectUnitId } });
        }
        const changes = storeFields(fields);
        const result = await workflow.fire({ actor, channel: channelOf(user), registrationId: draftId, event: 'edit', payload: { changedFields: Object.keys(changes) }, changes });
        if (result.ok && fields.attachments) await linkRegistrationAttachments(db, user.userId, draftId, fields.attachments);
        return result.ok ? { ok: true as const, draftId } : toActionResult(result, null) as Refusal;
      }
    }
    const cadre = await db.cadre.findUnique({ where: { id: actor.cadreId }, select: { unitId: true } });
    const year = fields.year ?? vietnamYearOf(now);
    const result = await workflow.create({
      actor,
      channel: channelOf(user),
      subjectUnitId: fields.subjectUnitId ?? cadre!.unitId,
      year,
      allowNextYear: false,
      fields: storeFields(fields),
    });
    if (result.ok && fields.attachments) await linkRegistrationAttachments(db, user.userId, result.registrationId, fields.attachments);
    return result.ok ? { ok: true as const, draftId: result.registrationId } : (toActionResult(result, null) as Refusal);
  }

  async function visibleRows(user: ChatIdentity, now: Date, where: object) {
    const actor = await actorFor(db, user);
    const canSee = await visibilityFilter(db, actor, now);
    const rows = await db.registration.findMany({
      where: { deletedAt: null, status: { not: 'deleted' }, ...where },
      include: VIEW_INCLUDE,
      orderBy: [{ year: 'desc' }, { createdAt: 'asc' }],
      take: 50,
    });
    return rows.filter(canSee);
  }

  return {
    async resolveUnit(query, now): Promise<UnitChoice> {
      const units = await loadUnitTree(db);
      const asOf = vietnamDateOf(now);
      const answer = createPlaceResolver({ units }).resolvePlace(query, { asOf });
      switch (answer.kind) {
        case 'current':
          return { kind: 'current', unitId: answer.unit.id, name: answer.unit.name };
        case 'former': {
          const since = takeoverDate(answer.unit);
          return { kind: 'former', name: answer.unit.name, since: since ? since.split('-').reverse().join('/') : '', successors: answer.successors.map((s) => ({ id: s.unit.id, name: s.unit.name })) };
        }
        case 'ambiguous': {
          const former = answer.candidates.find((c) => !c.current);
          const current = answer.candidates.filter((c) => c.current);
          if (current.length === 0 && former) {
            const unit = former.unit;
            return { kind: 'former', name: unit.name, since: (takeoverDate(unit) ?? lastValidDay(unit, asOf)).split('-').reverse().join('/'), successors: unit.successors.map((s) => ({ id: s.unitId, name: units.get(s.unitId)?.name ?? s.unitId })) };
          }
          return { kind: 'ambiguous', candidates: answer.candidates.map((c) => ({ id: c.unit.id, name: c.unit.name, current: c.current })) };
        }
        default:
          return { kind: 'not_found' };
      }
    },

    async unitName(unitId) {
      return (await db.unit.findUnique({ where: { id: unitId }, select: { name: true } }))?.name ?? unitId;
    },

    async registrationWindow(unitId, year, now) {
      const calendar = createCampaignCalendar({ units: await loadUnitTree(db), entries: await loadCalendarEntries(db, year) });
      const answer = calendar.registrationWindow(unitId, year, vietnamDateOf(now));
      if (answer.status === 'not_configured') return answer;
      const office = await db.unit.findUnique({ where: { id: answer.reviewingUnitId }, select: { name: true } });
      const { startsOn, endsOn, demo } = answer.entry;
      return { status: 'configured', startsOn, endsOn, demo, officeName: office?.name ?? answer.reviewingUnitId };
    },

    async contactCandidates(unitId) {
      const rows = await db.cadre.findMany({ where: { unitId, status: 'active' }, orderBy: { fullName: 'asc' }, take: 6 });
      return rows.map((c) => ({ cadreId: c.id, fullName: c.fullName, phoneMasked: maskedLocalPhone(c.phoneE164) }));
    },

    saveDraft,

    async latestDraft(user, now) {
      const actor = await actorFor(db, user);
      if (!actor) return null;
      const row = await db.registration.findFirst({
        where: { createdByCadreId: actor.cadreId, status: 'draft', deletedAt: null, updatedAt: { gte: new Date(now.getTime() - DRAFT_KEEP_DAYS * 86_400_000) } },
        orderBy: { updatedAt: 'desc' },
      });
      if (!row) return null;
      const fields: DraftFields = {
        title: row.title,
        category: row.category as Category | null,
        subjectType: row.subjectType as SubjectType | null,
        subjectUnitId: row.subjectUnitId,
        personName: row.personName,
        personPosition: row.personPosition,
        location: row.location,
        field: row.field as Field | null,
        year: row.year,
        startDate: toIsoDate(row.startDate),
        summary: row.summary,
        contactCadreId: row.contactCadreId,
        attachments: attachmentRefsOf(row.attachments),
      };
      return { draftId: row.id, fields };
    },

    async discardDraft(user, draftId, now) {
      const actor = await actorFor(db, user);
      if (!actor) return;
      await turnWorkflow(db, now).fire({ actor, channel: channelOf(user), registrationId: draftId, event: 'discard', payload: {} });
    },

    async submit(user, draftId, fields, options, now) {
      const saved = await saveDraft(user, draftId, fields, now);
      if (!saved.ok) return saved;
      const actor = (await actorFor(db, user))!;
      const result = await turnWorkflow(db, now).fire({
        actor,
        channel: channelOf(user),
        registrationId: saved.draftId,
        event: 'submit',
        payload: { confirmedNewModel: options.confirmedNewModel },
      });
      if (!result.ok) {
        const answer = { ...(toActionResult(result, null) as Refusal), draftId: saved.draftId };
        if (result.error.reason === 'possible-duplicate') {
          const codes = String(result.error.args.codes ?? '').split(', ');
          const rows = await db.registration.findMany({ where: { OR: [{ code: { in: codes } }, { id: { in: codes } }] }, select: { code: true, title: true } });
          answer.duplicates = rows.map((r) => ({ code: r.code, title: r.title ?? '' }));
        }
        return answer;
      }
      const units = await loadUnitTree(db);
      const unitId = fields.subjectUnitId ?? (await db.registration.findUnique({ where: { id: saved.draftId }, select: { subjectUnitId: true } }))!.subjectUnitId;
      const chain = [units.get(unitId), ...units.ancestorsAsOf(unitId, vietnamDateOf(now))].filter((u) => u !== undefined);
      const office = chain.find((u) => ['ward', 'commune', 'special_zone'].includes(u.type)) ?? chain[0];
      return { ...(toActionResult(result, null) as Extract<ReturnType<typeof toActionResult>, { ok: true }>), reviewingUnitName: office?.name ?? '' };
    },

    async listMine(user, now) {
      const actor = await actorFor(db, user);
      if (!actor) return [];
      const rows = await db.registration.findMany({
        where: { deletedAt: null, status: { not: 'deleted' }, year: { gte: vietnamYearOf(now) - 1 }, OR: [{ contactCadreId: actor.cadreId }, { createdByCadreId: actor.cadreId }] },
        include: VIEW_INCLUDE,
        orderBy: [{ year: 'desc' }, { createdAt: 'asc' }],
        take: 20,
      });
      return toViews(db, rows, now);
    },

    async findByCode(user, code, now) {
      const rows = await visibleRows(user, now, { code });
      return (await toViews(db, rows, now))[0] ?? null;
    },

    async searchByTitle(user, words, now) {
      const tokens = [...new Set(foldedTokens(words).filter((t) => !QUERY_NOISE.has(t) && t.length > 1))];
      if (tokens.length === 0) return [];
      const rows = await visibleRows(user, now, { year: { gte: vietnamYearOf(now) - 1 }, title: { not: null }, OR: tokens.map((t) => ({ titleFolded: { contains: t } })) });
      // Most of the remaining words must appear in the title: request verbs and fillers vary.
      const scored = rows
        .map((row) => {
          const title = new Set(foldedTokens(row.title ?? ''));
          return { row, score: tokens.filter((t) => title.has(t)).length / tokens.length };
        })
        .filter((x) => x.score >= 0.6)
        .sort((a, b) => b.score - a.score);
      const best = scored[0]?.score ?? 0;
      return toViews(db, scored.filter((x) => x.score === best).slice(0, 5).map((x) => x.row), now);
    },

    async get(user, registrationId, now) {
      const rows = await visibleRows(user, now, { id: registrationId });
      return (await toViews(db, rows, now))[0] ?? null;
    },

    async revise(user, registrationId, additions, now, attachments) {
      const actor = await actorFor(db, user);
      if (!actor) return refusal('role-not-permitted', { roles: 'cadre' });
      const result = await reviseAndResubmit(db, actor, user, registrationId, additions, now);
      if (result.ok && attachments && attachments.length > 0) await linkRegistrationAttachments(db, user.userId, registrationId, attachments);
      return result;
    },

    async withdraw(user, registrationId, now) {
      const actor = await actorFor(db, user);
      if (!actor) return refusal('role-not-permitted', { roles: 'cadre' });
      const row = await db.registration.findUnique({ where: { id: registrationId }, select: { contactCadreId: true } });
      const result = await turnWorkflow(db, now).fire({ actor, channel: channelOf(user), registrationId, event: 'withdraw', payload: { onCadreRequest: false } });
      return toActionResult(result, row?.contactCadreId ?? null);
    },

    async attachReport(user, registrationId, report, now) {
      const actor = await actorFor(db, user);
      if (!actor) return refusal('role-not-permitted', { roles: 'cadre' });
      return attachReport(db, actor, user, registrationId, report, now);
    },
  };
}
