// dist/ for tests and benchmarks that run the built `ovola`: rebuilt only when a source file is newer.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

export const ROOT = join(import.meta.dirname, '..');
export const CLI = join(ROOT, 'dist', 'cli', 'ovola.js');

/** Whether every `src/**.ts` has a `dist/**.js` at least as new. */
export function distIsCurrent(): boolean {
  const walk = (d: string): string[] =>
    readdirSync(d, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(join(d, e.name)) : e.name.endsWith('.ts') && !e.name.endsWith('.d.ts') ? [join(d, e.name)] : []));
  const src = join(ROOT, 'src');
  return walk(src).every((ts) => {
    const js = join(ROOT, 'dist', relative(src, ts)).replace(/\.ts$/, '.js');
    return existsSync(js) && statSync(js).mtimeMs >= statSync(ts).mtimeMs;
  });
}

/** Runs `npm run build` when dist/ is stale; throws with the compiler's output if it fails. */
export function ensureBuilt(log: (line: string) => void = () => {}): void {
  if (distIsCurrent()) return;
  log('building dist/ (npm run build) …');
  const build = spawnSync('npm', ['run', 'build'], { cwd: ROOT, encoding: 'utf8' });
  if (build.status !== 0) throw new Error(`npm run build failed:\n${build.stdout}${build.stderr}`);
}
