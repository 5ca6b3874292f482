/**
 * The README's shell blocks, run as written against a fresh server (`ovola serve` on an empty SQLite
 * store, as `npm start` makes it), in one bash session from a scratch folder: only the address
 * `localhost:3000` is pointed at the test's port. Every request the blocks make must succeed, but the
 * one the README says is refused (the revoked key). `npx ovola` runs the built CLI directly: what npx
 * itself would resolve to, without its second or so of start-up per command.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, symlinkSync } from 'node:fs';
import { createServer } from 'node:net';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '..');
const CLI = join(ROOT, 'dist', 'cli', 'ovola.js');
const tools = ['curl', 'jq', 'bash'].every((t) => spawnSync('sh', ['-c', `command -v ${t}`]).status === 0);

/** The README's ```sh blocks, the first (install and test commands) aside. */
export function readmeShellBlocks(markdown: string): string[] {
  const blocks = [...markdown.matchAll(/^```sh\n([\s\S]*?)^```/gm)].map((m) => m[1]);
  return blocks.filter((b) => !/^npm ci\b/m.test(b));
}

const freePort = () =>
  new Promise<number>((done, fail) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => done(port));
    });
    s.on('error', fail);
  });

interface Logged {
  url?: string;
  method?: string;
  status?: number;
}

describe.skipIf(!tools || !existsSync(CLI))('README', () => {
  mkdirSync(join(ROOT, 'var'), { recursive: true });
  const dir = mkdtempSync(join(ROOT, 'var', 'readme-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('every shell block runs as written against a fresh server, and no request fails but the revoked key', async () => {
    symlinkSync(join(ROOT, 'data'), join(dir, 'data'));
    const port = await freePort();
    const env: Record<string, string> = {
      ...(process.env as Record<string, string>),
      OVOLA_DB: join(dir, 'ovola.db'),
      PORT: String(port),
      HOST: '127.0.0.1',
      LOG_LEVEL: 'info',
      LANG: 'zh_CN.UTF-8',
    };
    delete env.DATABASE_URL;
    delete env.OVOLA_ADMIN_KEY;
    const server = spawn(process.execPath, [CLI, 'serve'], { cwd: dir, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let log = '';
    server.stdout.on('data', (c: Buffer) => (log += c.toString('utf8')));
    server.stderr.on('data', (c: Buffer) => (log += c.toString('utf8')));
    try {
      // The first start loads the sample county, solved and published, before it listens.
      for (let i = 0; ; i++) {
        const up = await fetch(`http://127.0.0.1:${port}/healthz`).then((r) => r.ok, () => false);
        if (up) break;
        if (i > 600 || server.exitCode !== null) throw new Error(`the server did not start:\n${log.slice(-2000)}`);
        await new Promise((r) => setTimeout(r, 100));
      }
      const npx = `npx() { if [ "$1" = ovola ]; then shift; node ${JSON.stringify(CLI)} "$@"; else command npx "$@"; fi; }`;
      const script = ['set -euo pipefail', npx, ...readmeShellBlocks(readFileSync(join(ROOT, 'README.md'), 'utf8'))].join('\n').replaceAll('localhost:3000', `127.0.0.1:${port}`);
      const run = await new Promise<{ code: number | null; out: string }>((done) => {
        const sh = spawn('bash', ['-c', script], { cwd: dir, env });
        let out = '';
        sh.stdout.on('data', (c: Buffer) => (out += c.toString('utf8')));
        sh.stderr.on('data', (c: Buffer) => (out += c.toString('utf8')));
        sh.on('close', (code) => done({ code, out }));
      });
      expect(run.code, run.out.slice(-4000)).toBe(0);

      // What the server answered, request by request (Fastify logs the request, then its answer, by reqId).
      const byId = new Map<string, Logged>();
      for (const line of log.split('\n')) {
        if (!line.startsWith('{')) continue;
        const rec = JSON.parse(line) as { reqId?: string; req?: { url?: string; method?: string }; res?: { statusCode?: number } };
        if (!rec.reqId) continue;
        const entry = byId.get(rec.reqId) ?? {};
        if (rec.req?.url) Object.assign(entry, { url: rec.req.url, method: rec.req.method });
        if (rec.res?.statusCode) entry.status = rec.res.statusCode;
        byId.set(rec.reqId, entry);
      }
      const answered = [...byId.values()].filter((e) => e.url?.startsWith('/v1/'));
      expect(answered.length).toBeGreaterThan(25);
      const failed = answered.filter((e) => (e.status ?? 0) >= 400).map((e) => `${e.status} ${e.method} ${e.url}`);
      expect(failed).toEqual(['401 GET /v1/scenarios']);

      // What a reader of the README would look at afterwards.
      const files = readdirSync(dir);
      for (const f of ['city.json', 'county.json', 'county.solution.json', 'plan.json', 'replan.json', 'county-v2.json', 'cal.json', 'cal.csv', 'divisions.json']) {
        expect(files, f).toContain(f);
      }
      expect(files.filter((f) => f.endsWith('.ics')).length).toBe(2);
      expect(readdirSync(join(dir, 'ics')).length).toBeGreaterThan(10);
    } finally {
      server.kill('SIGTERM');
      await new Promise((r) => (server.exitCode !== null ? r(null) : server.once('exit', r)));
    }
  }, 300_000);
});
