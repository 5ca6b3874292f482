/**
 * Outages and floods (issue 13): a store that stops answering gets a 503 with Retry-After, the job queue
 * is bounded overall and per key (429 before anything is stored), and a job whose result the store will
 * not take is tried again, then ended `failed` with the reason, never left `running`. SQLite, or
 * PostgreSQL when DATABASE_URL is set:
 *
 *   DATABASE_URL=postgres://postgres@127.0.0.1:5432/test npx vitest run test/http/outages.test.ts
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Scenario } from '../../src/domain/index.js';
import { buildApp, type App } from '../../src/http/app.js';
import { hashKey } from '../../src/http/auth.js';
import { openSqlite } from '../../src/store/dialects.js';
import { createStore } from '../../src/store/index.js';
import { SqlStore } from '../../src/store/sql-store.js';
import type { Store } from '../../src/store/types.js';
import { failingStore } from '../fixtures/hostile.js';
import { east, world } from '../fixtures/small.js';
import { testStore } from '../fixtures/store.js';

const ADMIN = 'test-admin-key-outages-0123456789';
const KEY_A = 'ovk_outages_key_a_000000000000000';
const KEY_B = 'ovk_outages_key_b_000000000000000';
const KEY_C = 'ovk_outages_key_c_000000000000000';
const auth = (key = ADMIN) => ({ authorization: `Bearer ${key}` });
const json = { 'content-type': 'application/json' };

const base: Scenario = world({
  villages: Array.from({ length: 6 }, (_, i) => ({ id: `V${i}`, at: east(i), town: i < 3 ? 'T1' : 'T2' })),
  lawyers: [{ id: 'L1' }, { id: 'L2' }, { id: 'L3' }],
});

let store: Store;
let drop: () => Promise<void>;
let app: App;
let scenarioId: string;
let solutionId: string;

const countScenarios = async () => (await store.listScenarios({ limit: 100 })).items.length;

/** A problem+json answer of this status. */
function expectProblem(res: { statusCode: number; headers: Record<string, unknown>; body: string }, status: number): Record<string, unknown> {
  expect(res.statusCode, res.body.slice(0, 500)).toBe(status);
  expect(res.headers['content-type']).toContain('application/problem+json');
  return JSON.parse(res.body) as Record<string, unknown>;
}

const upload = (payload: string, a = app) => a.inject({ method: 'POST', url: '/v1/scenarios', headers: { ...auth(), ...json }, payload });

async function waitForJob(a: App, jobId: string, until = (s: string) => s !== 'queued' && s !== 'running', limitMs = 30_000): Promise<Record<string, unknown>> {
  const deadline = Date.now() + limitMs;
  for (;;) {
    const job = (await a.inject({ url: `/v1/jobs/${jobId}`, headers: auth() })).json();
    if (until(job.status)) return job;
    if (Date.now() > deadline) throw new Error(`job ${jobId} is still ${job.status}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

beforeAll(async () => {
  ({ store, drop } = await testStore('outages'));
  await store.insertApiKey({ id: 'ka', scope: 'admin', label: 'a' }, hashKey(KEY_A));
  await store.insertApiKey({ id: 'kb', scope: 'admin', label: 'b' }, hashKey(KEY_B));
  await store.insertApiKey({ id: 'kc', scope: 'admin', label: 'c' }, hashKey(KEY_C));
  app = await buildApp({ defaultLanguage: 'en',  store, adminKey: ADMIN, workers: 1 });
  const created = await upload(JSON.stringify(base));
  expect(created.statusCode, created.body).toBe(201);
  scenarioId = created.json().id;
  const solve = await app.inject({ method: 'POST', url: `/v1/scenarios/${scenarioId}/solve`, headers: auth(), payload: {} });
  solutionId = String((await waitForJob(app, solve.json().jobId)).solutionId);
}, 60_000);

afterAll(async () => {
  await app?.close();
  await drop?.();
});

describe('10. a store that does not answer: 503 with Retry-After', () => {
  it('PostgreSQL on a closed port: keyed routes answer 503, not 500', async () => {
    const dead = createStore({ databaseUrl: 'postgres://postgres@127.0.0.1:1/none', poolSize: 1 });
    let down = false;
    const switching = new Proxy(store, {
      get: (target, key) => {
        const current = down ? dead : target;
        const value = Reflect.get(current, key, current);
        return typeof value === 'function' ? value.bind(current) : value;
      },
    });
    const a = await buildApp({ defaultLanguage: 'en',  store: switching as Store, adminKey: ADMIN, workers: 1 });
    try {
      down = true;
      for (const [url, key] of [
        ['/v1/scenarios', ADMIN],
        [`/v1/scenarios/${scenarioId}`, ADMIN],
        ['/v1/scenarios', KEY_A], // the stored key cannot be looked up
      ]) {
        const res = await a.inject({ url, headers: auth(key) });
        expectProblem(res, 503);
        expect(res.headers['retry-after']).toBe('5');
      }
      expect((await a.inject('/readyz')).statusCode).toBe(503);
    } finally {
      down = false;
      await a.close();
      await dead.close();
    }
  });

  it('SQLite: a closed store, and a write lock held past the busy timeout', async () => {
    const own = createStore({ sqlitePath: ':memory:' });
    await own.migrate();
    const a = await buildApp({ defaultLanguage: 'en',  store: own, adminKey: ADMIN, workers: 1 });
    await own.close();
    const res = await a.inject({ url: '/v1/scenarios', headers: auth() });
    expectProblem(res, 503);
    expect(res.headers['retry-after']).toBeDefined();
    await a.close();

    // another process (here: another connection) holds the write lock longer than the busy timeout
    const dir = mkdtempSync(join(tmpdir(), 'ovola-busy-'));
    const path = join(dir, 'busy.db');
    const file = new SqlStore(openSqlite({ path, busyTimeoutMs: 50 }));
    await file.migrate();
    const b = await buildApp({ defaultLanguage: 'en',  store: file, adminKey: ADMIN, workers: 1 });
    const other = new BetterSqlite3(path);
    try {
      other.exec('begin immediate');
      const busy = await upload(JSON.stringify(base), b);
      expectProblem(busy, 503);
      expect(busy.headers['retry-after']).toBe('5');
      other.exec('rollback');
      expect((await upload(JSON.stringify(base), b)).statusCode).toBe(201);
    } finally {
      other.close();
      await b.close();
      await file.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('11. the job queue is bounded overall and per key', () => {
  it('refuses past 4 jobs in all or 2 per key with 429 and Retry-After, storing nothing; jobs carry their key', async () => {
    // The first job's start waits on a gate, so the others stay queued behind it.
    let open!: () => void;
    const gate = new Promise<void>((r) => (open = r));
    const gated = new Proxy(store, {
      get(target, key) {
        const value = Reflect.get(target, key, target);
        if (key === 'getScenarioParts') return async (id: string) => (await gate, (value as Store['getScenarioParts']).call(target, id));
        return typeof value === 'function' ? value.bind(target) : value;
      },
    });
    const counted = failingStore(gated as Store, () => false);
    const a = await buildApp({ defaultLanguage: 'en',  store: counted.store, adminKey: ADMIN, workers: 1, jobLimits: { maxJobs: 4, maxJobsPerKey: 2, retryAfterS: 7 } });
    try {
      const solve = (key: string) => a.inject({ method: 'POST', url: `/v1/scenarios/${scenarioId}/solve`, headers: auth(key), payload: {} });
      const accepted = [await solve(KEY_A), await solve(KEY_A)];
      expect(accepted.map((r) => r.statusCode)).toEqual([202, 202]);
      const perKey = await solve(KEY_A);
      expect(expectProblem(perKey, 429).detail).toMatch(/this API key has 2 jobs queued or running/);
      expect(perKey.headers['retry-after']).toBe('7');
      accepted.push(await solve(KEY_B), await solve(KEY_B));
      const overall = await solve(KEY_C);
      expect(expectProblem(overall, 429).detail).toMatch(/the service has 4 jobs queued or running/);
      expect(counted.calls.get('insertJob')).toBe(4);
      // nor does a refused re-plan leave a new scenario version behind
      const before = await countScenarios();
      const replan = await a.inject({ method: 'POST', url: `/v1/solutions/${solutionId}/replan`, headers: auth(KEY_C), payload: {} });
      expectProblem(replan, 429);
      expect(await countScenarios()).toBe(before);
      // queued jobs hold no document: the first is reading its scenario, the others have not asked for it
      expect(counted.calls.get('getScenarioParts')).toBe(1);
      const job = await store.getJob(accepted[2].json().jobId);
      expect(job).toMatchObject({ keyId: 'kb', scope: 'admin', status: 'queued' });
      open();
      expect((await waitForJob(a, accepted[0].json().jobId)).status).toBe('succeeded');
      // the places come back as jobs end (cancelled ones too)
      for (const r of accepted.slice(1)) await a.inject({ method: 'DELETE', url: `/v1/jobs/${r.json().jobId}`, headers: auth() });
      expect(a.jobs.occupancy.total).toBe(0);
      const again = await solve(KEY_C);
      expect(again.statusCode).toBe(202);
      await a.inject({ method: 'DELETE', url: `/v1/jobs/${again.json().jobId}`, headers: auth() });
    } finally {
      open();
      await a.close();
    }
  });
});

describe('12. a job whose result the store will not take ends anyway', () => {
  it('a write failing for a while is tried again and the job succeeds', async () => {
    let failures = 2;
    const flaky = failingStore(store, (m) => m === 'insertSolution' && failures-- > 0);
    const a = await buildApp({ defaultLanguage: 'en',  store: flaky.store, adminKey: ADMIN, workers: 1, jobLimits: { resultRetryMs: [20, 20, 20] } });
    try {
      const res = await a.inject({ method: 'POST', url: `/v1/scenarios/${scenarioId}/solve`, headers: auth(), payload: {} });
      expect((await waitForJob(a, res.json().jobId)).status).toBe('succeeded');
      expect(flaky.calls.get('insertSolution')).toBe(3);
    } finally {
      await a.close();
    }
  });

  it('a result never stored: the job ends failed with the reason once the store answers again, never left running', async () => {
    let storeDown = false;
    const flaky = failingStore(store, (m) => m === 'insertSolution' || (storeDown && m === 'updateJob'));
    const a = await buildApp({ defaultLanguage: 'en',  store: flaky.store, adminKey: ADMIN, workers: 1, jobLimits: { resultRetryMs: [10, 10], statusRetryMs: 30, statusRetryForMs: 10_000 } });
    try {
      // the store also stops taking the status write from the moment the result write first fails
      const res = await a.inject({ method: 'POST', url: `/v1/scenarios/${scenarioId}/solve`, headers: auth(), payload: {} });
      const jobId = res.json().jobId;
      while (!flaky.calls.get('insertSolution')) await new Promise((r) => setTimeout(r, 5));
      storeDown = true;
      await new Promise((r) => setTimeout(r, 300));
      expect((await store.getJob(jobId))?.status).toBe('running');
      storeDown = false;
      const job = await waitForJob(a, jobId, (s) => s !== 'running', 5_000);
      expect(job.status).toBe('failed');
      expect(job.error).toMatch(/^the result could not be stored \(connect ECONNREFUSED 127\.0\.0\.1:5432\); submit the job again$/);
    } finally {
      await a.close();
    }
  });
});
