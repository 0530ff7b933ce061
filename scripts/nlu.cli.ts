/**
 * `npm run --silent nlu -- [--now <ISO time>]`: one JSON line out per line in, streaming.
 * Input lines are either {"text": "...", "role": "resident|cadre|staff"} or plain text (role resident).
 * Nothing but result lines is written to stdout.
 */
import { createInterface } from 'node:readline';
import { fixedClock, systemClock, type Clock } from '../bot/core/clock.js';
import { createInMemoryUnitTree } from '../bot/domain/in-memory-unit-tree.js';
import { createNlu } from '../bot/nlu/create-nlu.js';
import { seedUnitNodes } from '../prisma/seed/seed-unit-nodes.js';
import { isNluRole, type NluRole } from '../bot/nlu/labels.js';

function clockFromArgs(argv: readonly string[]): Clock {
  const i = argv.indexOf('--now');
  const value = i >= 0 ? argv[i + 1] : argv.find((a) => a.startsWith('--now='))?.slice('--now='.length);
  if (value === undefined) return systemClock;
  try {
    return fixedClock(value);
  } catch (err) {
    process.stderr.write(`nlu: ${(err as Error).message}\n`);
    process.exit(2);
  }
}

function parseLine(line: string): { text: string; role: NluRole } {
  const trimmed = line.trim();
  if (trimmed.startsWith('{')) {
    try {
      const obj = JSON.parse(trimmed) as { text?: unknown; role?: unknown };
      if (obj && typeof obj === 'object') {
        return { text: typeof obj.text === 'string' ? obj.text : '', role: isNluRole(obj.role) ? obj.role : 'resident' };
      }
    } catch {
      // Not JSON after all: read it as the message itself.
    }
  }
  return { text: line, role: 'resident' };
}

// Places resolve against the seed's unit tree, so the printed slots carry the unit's canonical name and id.
const nlu = createNlu({ clock: clockFromArgs(process.argv.slice(2)), units: createInMemoryUnitTree(seedUnitNodes()) });
const rl = createInterface({ input: process.stdin, crlfDelay: Infinity, terminal: false });
rl.on('line', (line) => {
  let out: string;
  try {
    const { text, role } = parseLine(line);
    const r = nlu.understand(text, { role });
    out = JSON.stringify({ intent: r.intent, confidence: r.confidence, slots: r.slots, normalized: r.normalized });
  } catch (err) {
    // One line out per line in, whatever happens.
    process.stderr.write(`nlu: ${(err as Error).message}\n`);
    out = JSON.stringify({ intent: 'out_of_scope', confidence: 0, slots: {}, normalized: '' });
  }
  process.stdout.write(out + '\n');
});
