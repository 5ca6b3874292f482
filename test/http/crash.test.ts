/**
 * The built server killed with SIGKILL in the middle of a solve, then started again on the same
 * database: what was stored is still there, and the interrupted job is `failed` with a reason, never
 * left `running`. SQLite always; PostgreSQL too when DATABASE_URL is set (in a schema of its own):
 *
 *   DATABASE_URL=postgres://postgres@127.0.0.1:5432/test npx vitest run test/http/crash.test.ts
 */
import { ensureBuilt } from '../../scripts/dist.js';
import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateScenario } from '../../src/gen/index.js';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const BIN = join(ROOT, 'dist', 'cli', 'ovola.js');
const ADMIN = `crash-test-admin-${randomBytes(8).toString('hex')}`;
const DATABASE_URL = process.env.DATABASE_URL;

/** One `ovola serve` child on a free port of 127.0.0.1. */
class Server {
  private constructor(
    readonly proc: ChildProcess,
    readonly base: string,
    readonly log: () => string,
  ) {}

  static start(env: Record<string, string>): Promise<Server> {
    const childEnv: Record<string, string> = { ...(process.env as Record<string, string>), PORT: '0', HOST: '127.0.0.1', OVOLA_ADMIN_KEY: ADMIN, LOG_LEVEL: 'warn', ...env };
    if (!env.DATABASE_URL) delete childEnv.DATABASE_URL;
    const proc = spawn(process.execPath, [BIN, 'serve'], { cwd: ROOT, env: childEnv, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    proc.stdout!.on('data', (d: Buffer) => (out += d.toString()));
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        proc.kill('SIGKILL');
        reject(new Error(`the server did not start within 60 s:\n${out}`));
      }, 60_000);
      proc.stderr!.on('data', (d: Buffer) => {
        out += d.toString();
        const m = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(out);
        if (m) {
          clearTimeout(timer);
          resolve(new Server(proc, m[1], () => out));
        }
      });
      proc.on('exit', (code, signal) => {
        clearTimeout(timer);
        reject(new Error(`the server exited (${code ?? signal}) before listening:\n${out}`));
      });
    });
  }

  async request(method: string, path: string, body?: unknown): Promise<{ status: number; json: Record<string, unknown> }> {
    const res = await fetch(this.base + path, {
      method,
      headers: { authorization: `Bearer ${ADMIN}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    return { status: res.status, json: text ? (JSON.parse(text) as Record<string, unknown>) : {} };
  }

  /** Sends a signal and waits for the process to be gone. */
  stop(signal: NodeJS.Signals): Promise<void> {
    if (this.proc.exitCode !== null || this.proc.signalCode !== null) return Promise.resolve();
    return new Promise((resolve) => {
      this.proc.once('exit', () => resolve());
      this.proc.kill(signal);
    });
  }
}

async function waitForJob(server: Server, jobId: string, until: (status: string) => boolean, pollMs: number, limitMs: number): Promise<Record<string, unknown>> {
  const deadline = Date.now() + limitMs;
  while (Date.now() < deadline) {
    const { json } = await server.request('GET', `/v1/jobs/${jobId}`);
    if (until(String(json.status))) return json;
    await new Promise((r) => setTimeout(r, pollMs));
  }
  throw new Error(`job ${jobId} did not reach the awaited status within ${limitMs} ms`);
}

interface Backend {
  name: string;
  env: () => Record<string, string>;
  cleanup: () => Promise<void>;
}

const tmp = mkdtempSync(join(tmpdir(), 'ovola-crash-'));
const pgSchema = `crash_${randomBytes(6).toString('hex')}`;
const backends: Backend[] = [
  { name: 'SQLite', env: () => ({ OVOLA_DB: join(tmp, 'crash.db') }), cleanup: async () => {} },
  ...(DATABASE_URL
    ? [
        {
          name: 'PostgreSQL',
          env: () => ({ DATABASE_URL, OVOLA_PG_SCHEMA: pgSchema }),
          cleanup: async () => {
            const client = new pg.Client({ connectionString: DATABASE_URL });
            await client.connect();
            await client.query(`drop schema if exists "${pgSchema}" cascade`);
            await client.end();
          },
        },
      ]
    : []),
];

const city = generateScenario({ preset: 'city', seed: 1 });
const running: Server[] = [];

beforeAll(() => ensureBuilt(), 120_000);

afterAll(async () => {
  await Promise.all(running.map((s) => s.stop('SIGKILL')));
  for (const b of backends) await b.cleanup();
  rmSync(tmp, { recursive: true, force: true });
});

describe.each(backends)('SIGKILL during a solve ($name)', (backend) => {
  it('keeps the scenario and earlier solutions, and fails the interrupted job on the next start', async () => {
    const first = await Server.start(backend.env());
    running.push(first);

    const created = await first.request('POST', '/v1/scenarios', city);
    expect(created.status).toBe(201);
    const scenarioId = String(created.json.id);
    const done = await first.request('POST', `/v1/scenarios/${scenarioId}/solve`, {});
    expect(done.status).toBe(202);
    const finished = await waitForJob(first, String(done.json.jobId), (s) => s !== 'queued' && s !== 'running', 50, 60_000);
    expect(finished.status).toBe('succeeded');
    const solutionId = String(finished.solutionId);

    // Start solves until one is caught running (a city solve takes well under a second), then kill.
    let killedJob: string | undefined;
    for (let attempt = 0; attempt < 10 && !killedJob; attempt++) {
      const started = await first.request('POST', `/v1/scenarios/${scenarioId}/solve`, {});
      expect(started.status).toBe(202);
      const jobId = String(started.json.jobId);
      const seen = await waitForJob(first, jobId, (s) => s !== 'queued', 2, 30_000);
      if (seen.status === 'running') {
        first.proc.kill('SIGKILL');
        killedJob = jobId;
      }
    }
    expect(killedJob, 'no solve was caught running').toBeDefined();
    await first.stop('SIGKILL');
    expect(first.proc.signalCode).toBe('SIGKILL');

    const second = await Server.start(backend.env());
    running.push(second);
    expect(second.log()).toMatch(/marked 1 interrupted job failed/);

    const job = await second.request('GET', `/v1/jobs/${killedJob}`);
    expect(job.status).toBe(200);
    expect(job.json).toMatchObject({ status: 'failed', scenarioId });
    expect(String(job.json.error)).toMatch(/stopped while this job was queued or running/);

    const scenario = await second.request('GET', `/v1/scenarios/${scenarioId}`);
    expect(scenario.status).toBe(200);
    expect(scenario.json).toMatchObject({ id: scenarioId, name: city.name });
    const doc = await second.request('GET', `/v1/scenarios/${scenarioId}/document`);
    expect((doc.json.villages as unknown[]).length).toBe(city.villages.length);
    const solution = await second.request('GET', `/v1/solutions/${solutionId}`);
    expect(solution.status).toBe(200);
    expect(solution.json).toMatchObject({ id: solutionId, scenarioId, schema: 'ovola.solution/v1' });

    // And the restarted service works: the same solve now finishes.
    const again = await second.request('POST', `/v1/scenarios/${scenarioId}/solve`, {});
    const after = await waitForJob(second, String(again.json.jobId), (s) => s !== 'queued' && s !== 'running', 50, 60_000);
    expect(after.status).toBe('succeeded');

    await second.stop('SIGTERM');
  }, 180_000);
});
