import { AsyncLocalStorage } from 'node:async_hooks';
import type { ChatIdentity } from '../core/identity.js';
import type { Understand, Understanding } from './understanding.js';

interface TurnScope {
  /** Each text is understood once per turn, however many features ask. */
  memo: Map<string, Understanding>;
  /** When the user picked one reading of an ambiguous message, that reading wins. */
  override: { text: string; understanding: Understanding } | null;
}

/**
 * Wraps the language layer for the features: within one turn every feature that
 * asks what a text means gets the same answer, computed once, and a reading the
 * user chose from a clarifying question replaces the model's guess. The scope is
 * carried by AsyncLocalStorage, so concurrent turns in one worker never see each
 * other's choices.
 */
export function createTurnUnderstanding(base: Understand) {
  const storage = new AsyncLocalStorage<TurnScope>();
  const understand: Understand = (text: string, user: ChatIdentity) => {
    const scope = storage.getStore();
    if (!scope) return base(text, user);
    if (scope.override && scope.override.text === text) return scope.override.understanding;
    let known = scope.memo.get(text);
    if (!known) {
      known = base(text, user);
      scope.memo.set(text, known);
    }
    return known;
  };
  return {
    understand,
    /** Runs one turn's features inside its own scope. */
    runTurn<T>(override: TurnScope['override'], fn: () => Promise<T>): Promise<T> {
      return storage.run({ memo: new Map(), override }, fn);
    },
  };
}
export type TurnUnderstanding = ReturnType<typeof createTurnUnderstanding>;
