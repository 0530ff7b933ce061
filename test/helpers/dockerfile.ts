import { readFileSync } from 'node:fs';

/** One Dockerfile instruction, continuation lines joined. */
export interface Instruction {
  op: string;
  args: string;
}

export interface Stage {
  name: string;
  base: string;
  instructions: Instruction[];
}

/**
 * Reads a Dockerfile into stages (enough for checks by reading: no heredocs; the only variables expanded are the
 * defaults of ARGs declared before the first FROM, in FROM lines, as `docker build` does without --build-arg).
 */
export function readDockerfile(file: string): Stage[] {
  const lines = readFileSync(file, 'utf8').split('\n');
  const joined: string[] = [];
  let current = '';
  for (const raw of lines) {
    const line = raw.trim();
    if (current === '' && (line === '' || line.startsWith('#'))) continue;
    if (line.startsWith('#')) continue; // a comment inside a continued instruction
    current += (current ? ' ' : '') + line.replace(/\\$/, '').trim();
    if (!line.endsWith('\\')) {
      joined.push(current);
      current = '';
    }
  }
  const stages: Stage[] = [];
  const globalArgs = new Map<string, string>();
  for (const text of joined) {
    const [op = '', ...rest] = text.split(/\s+/);
    const args = rest.join(' ');
    if (op.toUpperCase() === 'ARG' && stages.length === 0) {
      const [name = '', value = ''] = args.split('=');
      globalArgs.set(name, value);
      continue;
    }
    if (op.toUpperCase() === 'FROM') {
      const expanded = args.replace(/\$\{(\w+)\}|\$(\w+)/g, (_, a?: string, b?: string) => globalArgs.get((a ?? b)!) ?? '');
      const m = /^(\S+)(?:\s+AS\s+(\S+))?/i.exec(expanded);
      stages.push({ base: m?.[1] ?? '', name: m?.[2] ?? String(stages.length), instructions: [] });
      continue;
    }
    stages.at(-1)?.instructions.push({ op: op.toUpperCase(), args });
  }
  return stages;
}

export interface Copy {
  from: string | null;
  sources: string[];
  dest: string;
}

/** COPY [--from=x] [--chown=…] src… dest (the shell form only, as this project writes it). */
export function parseCopy(args: string): Copy {
  const words = args.split(/\s+/);
  let from: string | null = null;
  const rest: string[] = [];
  for (const w of words) {
    if (w.startsWith('--from=')) from = w.slice('--from='.length);
    else if (!w.startsWith('--')) rest.push(w);
  }
  return { from, sources: rest.slice(0, -1), dest: rest.at(-1) ?? '' };
}

/** The exec form ["a", "b"] of CMD / ENTRYPOINT / compose commands, as a list. */
export function execForm(args: string): string[] {
  return JSON.parse(args) as string[];
}
