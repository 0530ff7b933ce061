import type { Feature, Turn } from '../../conversation/turn.js';
import type { ReplyKit } from '../../conversation/reply-kit.js';
import { vietnamYearOf } from '../../domain/iso-date.js';
import type { FeatureDeps } from '../feature-deps.js';
import { formatIsoDate } from './event-format.js';
import { entryForUnit, findByTerms, localized, termOf } from './public-info-lookup.js';
import type { ResidentStore } from './resident-services.js';
import { MIN_CONFIDENCE, folded, reply, residentKit, residentStore, todayOf, understandTurn } from './resident-turn.js';
import { knownUnitIds } from './place-flow.js';

type Topic = 'definition' | 'calendar' | 'award' | 'tiers' | 'criteria' | 'contest' | 'process';

const INTENT_TOPICS: Readonly<Record<string, Topic>> = {
  'info.definition': 'definition',
  'info.calendar': 'calendar',
  'info.award': 'award',
  'info.criteria': 'criteria',
  'contest.info': 'contest',
  'info.process': 'process',
};
/** "sau 2025 còn cấp huyện không", "có mấy cấp công nhận": the tier table answers, whatever the NLU thought. */
const TIER_QUESTION = /\b(may|nhung|cac|bao nhieu) cap\b|\bcap (huyen|quan|xa|phuong|tinh|thanh pho|trung uong)\b/;
const RHYTHM_QUESTION = /\b(lich|trong nam|hang nam|moc|giai doan|nhip|tien do)\b/;
/** "15/10 là ngày gì mà năm nào cũng tổ chức": the meaning of a date, even when the yearly rhythm is mentioned. */
const DATE_MEANING = /\b(ngay gi|y nghia|ky niem gi|dac biet|la ngay|tai sao|vi sao|mean|about|special|why)\b/;
const DAY_MONTH = /\b(\d{1,2})(?:\/|-| thang | )(\d{1,2})\b|\b(\d{1,2}) (?:october|oct)\b|\b(?:october|oct) (\d{1,2})\b/;

/** The day and month a message asks about ("15/10", "15 tháng 10", "15 October"), as the glossary writes it. */
function dayMonthOf(text: string): string | null {
  const m = DAY_MONTH.exec(text);
  if (!m) return null;
  if (m[1] && m[2]) return `${Number(m[1])}/${Number(m[2])}`;
  return `${Number(m[3] ?? m[4])}/10`;
}
const WORKS_FOR_ANY_INTENT = new Set(['info.criteria', 'recognition.query', 'out_of_scope', 'info.award', 'info.process', 'unit.lookup']);

function topicOf(turn: Turn, intent: string, confidence: number): Topic | null {
  const text = folded(turn);
  if (TIER_QUESTION.test(text) && WORKS_FOR_ANY_INTENT.has(intent)) return 'tiers';
  const topic = INTENT_TOPICS[intent];
  return topic && confidence >= MIN_CONFIDENCE ? topic : null;
}

async function answer(kit: ReplyKit, turn: Turn, store: ResidentStore, topic: Topic): Promise<string[]> {
  const locale = turn.user.locale;
  const text = folded(turn);
  switch (topic) {
    case 'definition': {
      const entry = findByTerms(await store.info.list('glossary'), text);
      const definition = entry ? localized(entry, locale) : null;
      if (!entry || !definition) return [kit.t('res-definition-unknown')];
      return [kit.t('res-definition', { term: termOf(entry, locale), definition })];
    }
    case 'process': {
      // The steps are configuration (public_info "movement_process"), as local practice differs.
      const steps = (await store.info.list('movement_process')).map((e) => localized(e, locale)).filter((s): s is string => s !== null);
      return steps.length > 0
        ? [kit.t('res-process-header'), ...steps.map((s, index) => kit.t('res-step', { n: index + 1, text: s }))]
        : [kit.t('res-process-not-configured')];
    }
    case 'calendar': {
      const asked = dayMonthOf(text);
      if (RHYTHM_QUESTION.test(text) && !(asked && DATE_MEANING.test(text))) {
        const steps = (await store.info.list('movement_rhythm')).map((e) => localized(e, locale)).filter((s): s is string => s !== null);
        return steps.length > 0 ? [kit.t('res-rhythm-header'), ...steps.map((s) => kit.t('res-bullet', { text: s }))] : [kit.t('res-rhythm-not-configured')];
      }
      const year = vietnamYearOf(turn.now);
      const lines: string[] = [];
      // The date the user asked about, from the glossary data; 15/10 when no date was named.
      const day = findByTerms(await store.info.list('glossary'), asked ?? '15/10');
      const dayText = day ? localized(day, locale) : null;
      if (day && dayText) lines.push(kit.t('res-definition', { term: termOf(day, locale), definition: dayText }));
      // Another date with no glossary entry: say so rather than explain 15/10 (whose absence the lines below report).
      else if (asked && asked !== '15/10') return [kit.t('res-date-meaning-unknown', { date: asked })];
      const bases = (await store.info.list('anniversary')).filter((e) => typeof e.content.baseYear === 'number');
      if (bases.length === 0) return [...lines, kit.t('res-anniversary-not-configured')];
      lines.push(kit.t('res-anniversary-header', { year: String(year) }));
      for (const e of bases) lines.push(kit.t('res-anniversary-line', { years: String(year - (e.content.baseYear as number)), what: localized(e, locale) ?? '' }));
      return lines;
    }
    case 'award': {
      const lines: string[] = [];
      // The award named in the question, defined from the glossary; its rules only if configured.
      const form = findByTerms(await store.info.list('glossary'), text);
      const formText = form ? localized(form, locale) : null;
      if (form && formText) lines.push(kit.t('res-definition', { term: termOf(form, locale), definition: formText }));
      const tree = await store.places.tree();
      const rule = entryForUnit(await store.info.list('award_rule'), tree, knownUnitIds(turn)[0] ?? null, todayOf(turn), true);
      const ruleText = rule ? localized(rule, locale) : null;
      lines.push(ruleText ? kit.t('res-award-rule', { text: ruleText }) : kit.t('res-award-not-configured'));
      return lines;
    }
    case 'criteria': {
      const tree = await store.places.tree();
      const rule = entryForUnit(await store.info.list('recognition_criteria'), tree, knownUnitIds(turn)[0] ?? null, todayOf(turn), true);
      const ruleText = rule ? localized(rule, locale) : null;
      return [ruleText ? kit.t('res-criteria', { text: ruleText }) : kit.t('res-criteria-not-configured')];
    }
    case 'tiers': {
      const tiers = await store.tiers.list();
      if (tiers.length === 0) return [kit.t('res-tiers-not-configured')];
      const active = tiers.filter((t) => t.active && t.retiredOn === null);
      const retired = tiers.filter((t) => !t.active || t.retiredOn !== null);
      return [
        kit.t('res-tiers-active', { tiers: active.map((t) => t.label).join('; ') }),
        ...retired.map((t) => kit.t('res-tier-retired', { tier: t.label, since: t.retiredOn ? formatIsoDate(t.retiredOn) : '', hasDate: t.retiredOn ? 'yes' : 'no' })),
      ];
    }
    case 'contest': {
      const tree = await store.places.tree();
      const entry = entryForUnit(await store.info.list('contest_entry'), tree, knownUnitIds(turn)[0] ?? null, todayOf(turn), true);
      const entryText = entry ? localized(entry, locale) : null;
      return [entryText ? kit.t('res-contest', { text: entryText }) : kit.t('res-contest-not-configured')];
    }
  }
}

/**
 * Definitions, 15/10 and this year's anniversaries, the yearly rhythm, award rules, tiers,
 * contest entry: every fact comes from configuration rows or the tier table. Nothing
 * configured → "not configured" and who decides, never a remembered number.
 */
export function createPublicInfoFeature(deps: FeatureDeps): Feature {
  return {
    name: 'residents-public-info',
    async handle(turn) {
      const store = residentStore(turn);
      if (!store || turn.event.kind !== 'text' || turn.choice !== null) return null;
      const understanding = understandTurn(deps, turn);
      const topic = topicOf(turn, understanding.intent, understanding.confidence);
      if (!topic) return null;
      const kit = residentKit(deps, turn);
      return reply(turn, [{ text: (await answer(kit, turn, store, topic)).join('\n') }]);
    },
  };
}
