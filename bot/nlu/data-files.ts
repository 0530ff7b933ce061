/** Reads the labelled JSONL files shipped in data/ (once, at factory time — never while classifying). */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { isIntentLabel, isNluRole, type IntentLabel, type NluRole } from './labels.js';
import type { NluSlots } from './types.js';

export interface LabelledMessage {
  text: string;
  role: NluRole;
  intent: IntentLabel;
  slots?: NluSlots;
  /** The tacked-on question of a two-act message (issue 16), when the annotator marked one. */
  secondary?: IntentLabel;
}

export type LabelledFile = 'labelled.train.jsonl' | 'labelled.heldout.jsonl' | 'labelled.heldout2.jsonl';

export function dataPath(name: string): string {
  return fileURLToPath(new URL(`./data/${name}`, import.meta.url));
}

export function readLabelled(name: LabelledFile): LabelledMessage[] {
  const out: LabelledMessage[] = [];
  const lines = readFileSync(dataPath(name), 'utf8').split('\n');
  lines.forEach((line, i) => {
    if (line.trim() === '') return;
    const row = JSON.parse(line) as { text?: unknown; role?: unknown; intent?: unknown; slots?: NluSlots; secondary?: unknown };
    if (typeof row.text !== 'string' || !isNluRole(row.role) || typeof row.intent !== 'string' || !isIntentLabel(row.intent)) {
      throw new Error(`${name}:${i + 1}: expected {text, role, intent} with a known role and label`);
    }
    const secondary = typeof row.secondary === 'string' && isIntentLabel(row.secondary) ? row.secondary : undefined;
    out.push({
      text: row.text,
      role: row.role,
      intent: row.intent,
      ...(row.slots ? { slots: row.slots } : {}),
      ...(secondary ? { secondary } : {}),
    });
  });
  return out;
}
