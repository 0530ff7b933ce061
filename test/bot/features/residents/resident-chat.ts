import path from 'node:path';
import { fixedClock } from '../../../../bot/core/clock.js';
import type { ChatIdentity } from '../../../../bot/core/identity.js';
import type { Channel } from '../../../../bot/core/inbound-event.js';
import { createConversationEngine } from '../../../../bot/conversation/conversation-engine.js';
import { emptyConversationState, type ConversationState } from '../../../../bot/conversation/conversation-state.js';
import type { Understand, Understanding } from '../../../../bot/conversation/understanding.js';
import { createFallbackFeature } from '../../../../bot/features/fallback.feature.js';
import type { FeatureDeps } from '../../../../bot/features/feature-deps.js';
import { createGreetingFeature } from '../../../../bot/features/greeting.feature.js';
import { createResidentFeatures, createUnsubscribeFeature } from '../../../../bot/features/residents/index.js';
import type { ResidentStore } from '../../../../bot/features/residents/resident-services.js';
import { createTranslator } from '../../../../bot/i18n/translator.js';

export const NOW = '2026-11-23T09:00:00+07:00';
export const translator = createTranslator({ localesDir: path.resolve(import.meta.dirname, '../../../../locales') });

/** A scripted language layer: each test message says what it means, so these tests do not depend on the model. */
export function scripted(readings: Record<string, Partial<Understanding> & { intent: string }>): Understand {
  return (text) => {
    const r = readings[text];
    return r ? { confidence: 0.95, slots: {}, ...r } : { intent: 'out_of_scope', confidence: 0.2, slots: {} };
  };
}

/** Drives the resident features (plus greeting and fallback) turn by turn, threading the state like the worker does. */
export function residentChat(store: ResidentStore, understand: Understand, user: Partial<ChatIdentity> = {}, channel: Channel = 'console') {
  const clock = fixedClock(NOW);
  const deps: FeatureDeps = { clock, translator, understand };
  const engine = createConversationEngine({ clock, features: [createUnsubscribeFeature(deps), ...createResidentFeatures(deps), createGreetingFeature(deps), createFallbackFeature(deps)] });
  const identity: ChatIdentity = { userId: `${channel}:u1`, role: 'resident', unitId: null, locale: 'vi', displayName: null, ...user };
  let state: ConversationState = emptyConversationState();
  let n = 0;
  async function run(kind: 'text' | 'button', value: string) {
    const event = { channel, eventId: `e${++n}`, userId: identity.userId, chatId: 'u1', kind, at: new Date(NOW).toISOString(), ...(kind === 'text' ? { text: value } : { payload: value }) };
    const outcome = await engine.handle({ event, user: identity, state, services: { residents: store } });
    state = outcome.state;
    return outcome.replies[0]!;
  }
  return {
    say: (text: string) => run('text', text),
    press: (value: string) => run('button', value),
    get state() {
      return state;
    },
  };
}
