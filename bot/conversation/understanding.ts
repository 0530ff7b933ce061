import type { ChatIdentity } from '../core/identity.js';

/** What the language layer says a message means (see bot/nlu). */
export interface Understanding {
  intent: string;
  confidence: number;
  alternatives?: Array<{ intent: string; confidence: number }>;
  /** A question tacked onto the act (see bot/nlu/primary-act.ts): answer it after doing the act. */
  secondary?: { intent: string; confidence: number };
  slots: Record<string, unknown>;
}

export type Understand = (text: string, user: ChatIdentity) => Understanding;
