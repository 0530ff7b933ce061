import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { execForm, parseCopy, readDockerfile } from '../helpers/dockerfile.js';

const ROOT = path.resolve(import.meta.dirname, '..', '..');
const at = (p: string) => path.join(ROOT, p);

/**
 * No container engine runs on the development machines, so the image is never built here. This test reads the
 * Dockerfile the way `docker build` would and checks what can be checked without an engine: every file it copies
 * exists and is not excluded by .dockerignore, every folder `npm run build` compiles or copies reaches the build
 * stage, what later stages take from earlier ones is produced there, the command's file is an output of
 * `npm run build` (tsconfig.build.json), and the runtime is non-root with a health check.
 */
describe('Dockerfile, checked by reading', () => {
  const stages = readDockerfile(at('Dockerfile'));
  const ignored = readFileSync(at('.dockerignore'), 'utf8').split('\n').map((l) => l.trim()).filter((l) => l && !l.startsWith('#'));
  const isIgnored = (p: string) => ignored.some((pattern) => p === pattern || p.startsWith(`${pattern}/`));
  const build = ts.getParsedCommandLineOfConfigFile(at('tsconfig.build.json'), {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => {} })!;
  const compiled = new Set(build.fileNames.map((f) => path.relative(ROOT, f)));
  /** The file tsc emits for a dist/… path, or null when none of the build's sources produces it. */
  const sourceOf = (distFile: string): string | null => {
    const outDir = path.relative(ROOT, build.options.outDir!);
    const rel = path.relative(outDir, distFile);
    if (rel.startsWith('..')) return null;
    const source = rel.replace(/\.js$/, '.ts');
    return compiled.has(source) ? source : null;
  };

  it('has a build, a production-dependencies and a runtime stage', () => {
    expect(stages.map((s) => s.name)).toEqual(['build', 'deps', 'runtime']);
    for (const s of stages) expect(s.base).toMatch(/^node:\d+/);
  });

  it('copies only files that exist and that .dockerignore lets through', () => {
    for (const stage of stages) {
      for (const ins of stage.instructions.filter((i) => i.op === 'COPY')) {
        const copy = parseCopy(ins.args);
        if (copy.from) continue;
        for (const source of copy.sources) {
          expect(existsSync(at(source)), `${stage.name}: COPY ${source}`).toBe(true);
          expect(isIgnored(source), `${stage.name}: COPY ${source} is in .dockerignore`).toBe(false);
        }
      }
    }
  });

  it('gives `npm run build` every folder it compiles or copies, before it runs', () => {
    const stage = stages.find((s) => s.name === 'build')!;
    const buildAt = stage.instructions.findIndex((i) => i.op === 'RUN' && i.args.includes('npm run build'));
    expect(buildAt).toBeGreaterThan(0);
    const copied = new Set(stage.instructions.slice(0, buildAt).filter((i) => i.op === 'COPY').flatMap((i) => parseCopy(i.args).sources));
    const assetFolders = JSON.parse(/SOURCE_FOLDERS = (\[[^\]]*\])/.exec(readFileSync(at('scripts/copy-build-assets.ts'), 'utf8'))![1]!.replace(/'/g, '"')) as string[];
    const tsconfigFolders = (JSON.parse(readFileSync(at('tsconfig.build.json'), 'utf8').replace(/^\s*\/\/.*$/gm, '')) as { include: string[] }).include;
    for (const folder of new Set([...assetFolders, ...tsconfigFolders])) expect(copied.has(folder), `build stage must COPY ${folder}`).toBe(true);
    for (const file of ['package.json', 'package-lock.json', 'tsconfig.json', 'tsconfig.build.json', 'prisma.config.ts']) expect(copied.has(file), file).toBe(true);
  });

  it('takes from earlier stages only what they produce', () => {
    const runtime = stages.find((s) => s.name === 'runtime')!;
    for (const ins of runtime.instructions.filter((i) => i.op === 'COPY')) {
      const copy = parseCopy(ins.args);
      if (!copy.from) continue;
      const from = stages.find((s) => s.name === copy.from)!;
      expect(from, copy.from).toBeDefined();
      const runs = from.instructions.filter((i) => i.op === 'RUN').map((i) => i.args).join(' && ');
      const copiedThere = from.instructions.filter((i) => i.op === 'COPY').map((i) => parseCopy(i.args).dest.replace(/^\.\//, '/app/'));
      for (const source of copy.sources) {
        if (source === '/app/dist') expect(runs, 'dist/ comes from npm run build').toContain('npm run build');
        else if (source === '/app/node_modules') expect(runs).toMatch(/npm ci --omit=dev/);
        else expect(copiedThere, `${source} was copied into stage ${from.name}`).toContain(source);
      }
    }
    const deps = stages.find((s) => s.name === 'deps')!;
    expect(deps.instructions.some((i) => i.op === 'RUN' && i.args.includes('prisma generate'))).toBe(true);
  });

  it('runs a file `npm run build` produces, as the unprivileged user, with a /health check', () => {
    const runtime = stages.find((s) => s.name === 'runtime')!;
    const ops = runtime.instructions.map((i) => i.op);
    const cmd = execForm(runtime.instructions.find((i) => i.op === 'CMD')!.args);
    expect(cmd[0]).toBe('node');
    const file = cmd.find((a) => a.endsWith('.js'))!;
    expect(sourceOf(file), `${file} is not emitted by tsconfig.build.json`).toBe('scripts/start.ts');
    const user = runtime.instructions.filter((i) => i.op === 'USER').at(-1);
    expect(user?.args).toBe('node');
    expect(ops.lastIndexOf('USER')).toBeLessThan(ops.indexOf('CMD'));
    expect(runtime.instructions.find((i) => i.op === 'HEALTHCHECK')?.args).toContain('/health');
    // The working directory of `dist/…` in CMD is the one dist/ was copied to.
    expect(runtime.instructions.find((i) => i.op === 'WORKDIR')?.args).toBe('/app');
  });

  it('docker-compose runs only files the build produces', () => {
    const compose = readFileSync(at('docker-compose.yml'), 'utf8');
    const files = [...compose.matchAll(/\b(dist\/[\w./-]+\.js)\b/g)].map((m) => m[1]!);
    expect(files.length).toBeGreaterThanOrEqual(3);
    for (const f of new Set(files)) expect(sourceOf(f), f).not.toBeNull();
  });
});
