import { describe, expect, it } from 'vitest';
import { createBot } from '../../../bot/create-bot.js';
import { fixedClock } from '../../../bot/core/clock.js';
import { emptyConversationState, type ConversationState } from '../../../bot/conversation/conversation-state.js';
import type { Understand } from '../../../bot/conversation/understanding.js';
import type { InboundEvent } from '../../../bot/core/inbound-event.js';
import type { BotServices } from '../../../bot/services.js';
import { createTranslator } from '../../../bot/i18n/translator.js';
import { LOCALES_DIR } from '../../../runtime/start-application.js';

/** An understanding that is unsure between greeting and help for "hm", and sure otherwise. */
const calls: string[] = [];
const understand: Understand = (text) => {
  calls.push(text);
  if (text === 'hm') return { intent: 'greeting', confidence: 0.4, alternatives: [{ intent: 'help', confidence: 0.35 }], slots: {} };
  return { intent: 'thanks', confidence: 0.9, slots: {} };
};

function event(kind: InboundEvent['kind'], value: string): InboundEvent {
  return {
    channel: 'console',
    eventId: `e-${Math.random()}`,
    userId: 'console:x',
    chatId: 'x',
    kind,
    ...(kind === 'button' ? { payload: value } : { text: value }),
    at: '2026-11-23T02:00:00.000Z',
  };
}

describe('clarifying question below the confidence threshold', () => {
  const bot = createBot({ clock: fixedClock('2026-11-23T09:00:00+07:00'), translator: createTranslator({ localesDir: LOCALES_DIR }), understand, clarifyThreshold: 0.55 });
  const user = { userId: 'console:x', role: 'resident' as const, unitId: null, locale: 'vi' as const, displayName: null };
  const services = {} as BotServices;

  it('offers the top two readings as buttons, then answers the chosen one for the original text', async () => {
    calls.length = 0;
    const first = await bot.handle({ event: event('text', 'hm'), user, state: emptyConversationState(), services });
    expect(first.replies[0]!.text).toContain('chưa chắc');
    expect(first.replies[0]!.buttons!.map((b) => b.value)).toEqual(['clarify:greeting', 'clarify:help']);
    // The NLU ran once for the turn, however many features asked.
    expect(calls).toEqual(['hm']);

    const state: ConversationState = first.state;
    const second = await bot.handle({ event: event('text', '2'), user, state, services });
    expect(second.replies[0]!.text).toBe(createTranslator({ localesDir: LOCALES_DIR }).t('vi', 'help-intro'));
    expect(second.state.data.clarify).toBeUndefined();
  });

  it('does not ask when the reading is confident', async () => {
    const outcome = await bot.handle({ event: event('text', 'cam on nhe'), user, state: emptyConversationState(), services });
    expect(outcome.replies[0]!.text).toBe(createTranslator({ localesDir: LOCALES_DIR }).t('vi', 'thanks-reply'));
  });
});

describe('fallback', () => {
  const translator = createTranslator({ localesDir: LOCALES_DIR });
  const understood: Understand = (text) =>
    text === 'soan thong bao cho ba con' ? { intent: 'staff.broadcast_create', confidence: 0.97, slots: {} } : { intent: 'out_of_scope', confidence: 0.3, slots: {} };
  const bot = createBot({ clock: fixedClock('2026-11-23T09:00:00+07:00'), translator, understand: understood });
  const staff = { userId: 'console:s', role: 'broadcaster' as const, unitId: 'hn-p-cuanam', locale: 'vi' as const, displayName: null };

  it('names a request it understood but cannot serve yet, instead of "I did not understand"', async () => {
    const outcome = await bot.handle({ event: event('text', 'soan thong bao cho ba con'), user: staff, state: emptyConversationState(), services: {} as BotServices });
    expect(outcome.replies[0]!.text).toBe(translator.t('vi', 'feature-not-ready', { label: translator.t('vi', 'intent-staff-broadcast-create') }));
  });

  it('says it did not understand when it did not', async () => {
    const outcome = await bot.handle({ event: event('text', 'xyz abc'), user: staff, state: emptyConversationState(), services: {} as BotServices });
    expect(outcome.replies[0]!.text).toBe(translator.t('vi', 'fallback'));
  });
});
