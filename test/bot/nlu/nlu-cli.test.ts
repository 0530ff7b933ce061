import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../../', import.meta.url));

describe('scripts/nlu.cli.ts', () => {
  it('writes exactly one JSON line per input line and nothing else', () => {
    const input = [
      '{"text": "dk mo hinh dan van kheo", "role": "cadre"}',
      'ngay hoi o hang bo thu 7 nay to chuc khi nao',
      '',
      '{not json',
      '{"text": "doi ngay hoi sang 18/10", "role": "staff"}',
    ].join('\n');
    const res = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/nlu.cli.ts', '--now', '2026-10-07T10:00:00+07:00'], {
      cwd: root,
      input: input + '\n',
      encoding: 'utf8',
    });
    expect(res.status).toBe(0);
    const lines = res.stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(5);
    const out = lines.map((l) => JSON.parse(l) as Record<string, unknown>);
    for (const o of out) expect(Object.keys(o).sort()).toEqual(['confidence', 'intent', 'normalized', 'slots']);
    expect(out[0]).toMatchObject({ intent: 'model.register' });
    expect(out[1]).toMatchObject({ intent: 'event.query', slots: { date: '2026-10-10', place: 'hang bo' } });
    expect(out[2]).toMatchObject({ intent: 'out_of_scope', confidence: 0 });
    expect(out[4]).toMatchObject({ intent: 'staff.event_update', slots: { date: '2026-10-18' } });
  }, 30_000);
});
