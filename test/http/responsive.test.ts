/**
 * A province-size solve runs in a worker thread (src/http/jobs.ts), so the service keeps answering
 * while it runs: /healthz and a read each take well under 50 ms during the solve. Likewise while a
 * province's calendar (~130 MB) is stored, taken into the public look-up and exported as .ics: the
 * store moves it in parts and the IO worker parses it (SQLite always; PostgreSQL too when DATABASE_URL
 * is set, in a schema of its own, dropped afterwards).
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Scenario } from '../../src/domain/index.js';
import { generateScenario } from '../../src/gen/index.js';
import { publishSolutionCards } from '../../src/http/publishing.js';
import { buildApp, type App } from '../../src/http/app.js';
import { createStore } from '../../src/store/index.js';
import { splitText } from '../../src/store/parts.js';
import type { Store } from '../../src/store/types.js';
import { roundRobinSolution, syntheticCalendar } from '../fixtures/province-calendar.js';
import { testStore } from '../fixtures/store.js';

const ADMIN = 'test-admin-key-responsive-012345';
const headers = { authorization: `Bearer ${ADMIN}` };
const LIMIT_MS = 50;
/**
 * While a province calendar (~130 MB) is stored, reloaded and exported. The guard is against whole-document
 * steps on the event loop (parsing it there took 0.6–1.5 s); reading its 2 MB parts from PostgreSQL on a
 * busy 2-core machine still shows single pauses of up to ~90 ms (garbage collection of the parts), so the
 * bound here is looser than the solve's.
 */
const CALENDAR_LIMIT_MS = 150;

let store: Store;
let app: App;

beforeAll(async () => {
  store = createStore({ sqlitePath: ':memory:' });
  await store.migrate();
  app = await buildApp({ store, adminKey: ADMIN, workers: 1 });
});

afterAll(async () => {
  await app?.close();
  await store?.close();
});

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function timed(url: string): Promise<{ ms: number; status: number }> {
  const t0 = performance.now();
  const res = await app.inject({ method: 'GET', url, headers });
  return { ms: performance.now() - t0, status: res.statusCode };
}

async function upload(): Promise<string> {
  const payload = JSON.stringify(generateScenario({ preset: 'province', seed: 1 }));
  expect(payload.length).toBeGreaterThan(5_000_000);
  const created = await app.inject({ method: 'POST', url: '/v1/scenarios', headers: { ...headers, 'content-type': 'application/json' }, payload });
  expect(created.statusCode, created.body.slice(0, 500)).toBe(201);
  return created.json().id;
}

describe('while a province is being solved', () => {
  it('health and reads answer in < 50 ms each', async () => {
    // The ~6 MB document is made and sent in a function of its own, so none of it stays reachable here.
    const scenarioId = await upload();

    const submitted = await app.inject({ method: 'POST', url: `/v1/scenarios/${scenarioId}/solve`, headers, payload: {} });
    expect(submitted.statusCode).toBe(202);
    const jobId: string = submitted.json().jobId;

    // Wait until the worker is past parsing and into the solver's own phases.
    const deadline = Date.now() + 60_000;
    let job = submitted.json().job;
    while (!(job.status === 'running' && job.phase !== 'starting')) {
      expect(['queued', 'running'], `the job ended before it could be measured: ${JSON.stringify(job)}`).toContain(job.status);
      expect(Date.now()).toBeLessThan(deadline);
      await sleep(20);
      job = (await app.inject({ url: `/v1/jobs/${jobId}`, headers })).json();
    }

    const samples: { health: number; read: number; phase: string }[] = [];
    for (let i = 0; i < 10; i++) {
      const health = await timed('/healthz');
      const read = await timed(`/v1/scenarios/${scenarioId}`);
      expect([health.status, read.status]).toEqual([200, 200]);
      job = (await app.inject({ url: `/v1/jobs/${jobId}`, headers })).json();
      // Only what was measured while the solve still ran counts.
      if (job.status !== 'running') break;
      samples.push({ health: health.ms, read: read.ms, phase: job.phase });
      await sleep(100);
    }
    expect(samples.length, 'too few samples taken while the solve ran').toBeGreaterThanOrEqual(3);
    const worst = Math.max(...samples.flatMap((s) => [s.health, s.read]));
    expect(worst, `latencies (ms) during the solve: ${JSON.stringify(samples.map((s) => [s.phase, +s.health.toFixed(1), +s.read.toFixed(1)]))}`).toBeLessThan(LIMIT_MS);

    // Don't leave a 26,000-village solve running for the next test file.
    await app.inject({ method: 'DELETE', url: `/v1/jobs/${jobId}`, headers });
  }, 120_000);
});

describe('while a province calendar is stored, reloaded into the public look-up and exported', () => {
  const YEAR = new Date().getUTCFullYear() + 1;
  let calStore: Store;
  let calApp: App;
  let drop: (() => Promise<void>) | undefined;
  let firstVillage: string;
  let solutionId: string;
  let scenarioId: string;
  let parts: string[];

  beforeAll(async () => {
    ({ store: calStore, drop } = await testStore('resp'));
    // A province with a published solution, its calendar ready in parts as the calendar worker posts them.
    const scenario = generateScenario({ preset: 'province', seed: 1 }) as Scenario;
    const solution = roundRobinSolution(scenario);
    firstVillage = solution.assignments[0].villageId;
    scenarioId = (await calStore.insertScenario({ id: randomUUID(), parentId: null, name: scenario.name, summary: {}, regions: [] }, JSON.stringify(scenario))).id;
    solutionId = (await calStore.insertSolution({ id: randomUUID(), scenarioId }, JSON.stringify(solution))).id;
    await publishSolutionCards(calStore, { kind: 'admin', keyId: 'env', label: 'test' }, solutionId, scenario);
    parts = splitText(JSON.stringify(syntheticCalendar(solution, YEAR)));
    expect(parts.join('').length).toBeGreaterThan(100_000_000);
    calApp = await buildApp({ store: calStore, adminKey: ADMIN, workers: 1 });
    expect(calApp.directory.size).toBe(scenario.villages.length);
  }, 60_000);

  afterAll(async () => {
    await calApp?.close();
    await drop?.();
  });

  it('health answers in < 150 ms throughout, and the cards and the .ics show the new calendar', async () => {
    // /healthz asked every 10 ms as a client would: each answer timed from when it was due, so a
    // blocked event loop counts even while no request was in flight.
    let busy = true;
    let current = 'start';
    const samples: number[] = [];
    /** `phase:ms` of each answer over 20 ms, for the message */
    const slow: string[] = [];
    const probing = (async () => {
      for (let due = performance.now(); busy; due += 10) {
        const wait = due - performance.now();
        if (wait > 0) await sleep(wait);
        const res = await calApp.inject({ method: 'GET', url: '/healthz' });
        expect(res.statusCode).toBe(200);
        samples.push(performance.now() - due);
        if (samples[samples.length - 1] > 20) slow.push(`${current}:${samples[samples.length - 1].toFixed(0)}`);
        due = Math.max(due, performance.now() - 10);
      }
    })();
    const phases: Record<string, number> = {};
    const phase = async <T>(name: string, f: () => Promise<T>) => {
      const t0 = performance.now();
      current = name;
      const out = await f();
      phases[name] = Math.round(performance.now() - t0);
      return out;
    };
    let ics;
    try {
      // what the job runner does with a calendar job's result, then its onCalendar
      const calendar = await phase('store', () =>
        calStore.insertCalendar({ id: randomUUID(), solutionId, scenarioId, year: YEAR, months: Array.from({ length: 12 }, (_, i) => `${YEAR}-${String(i + 1).padStart(2, '0')}`), provisional: false }, parts),
      );
      await phase('reload', () => calApp.directory.reload(calStore));
      ics = await phase('ics', () => calApp.inject({ url: `/v1/calendars/${calendar.id}/villages/${firstVillage}.ics`, headers }));
    } finally {
      busy = false;
      await probing;
    }
    const worst = Math.max(...samples);
    expect(samples.length, JSON.stringify(phases)).toBeGreaterThan(100);
    expect(worst, `worst /healthz ${worst.toFixed(1)} ms over ${samples.length} samples; phases (ms): ${JSON.stringify(phases)}; over 20 ms: ${slow.join(' ')}`).toBeLessThan(CALENDAR_LIMIT_MS);

    const card = await calApp.inject({ url: `/v1/public/villages/${firstVillage}` });
    expect(card.statusCode).toBe(200);
    expect(card.json().nextVisits.map((v: { date: string; start: string }) => `${v.date} ${v.start}`)).toEqual([`${YEAR}-01-02 09:00`, `${YEAR}-01-15 14:30`, `${YEAR}-02-02 09:00`]);
    expect(ics.statusCode, ics.body.slice(0, 300)).toBe(200);
    // 24 on-site visits and 4 remote ones (months 3, 6, 9, 12)
    expect(ics.body.match(/BEGIN:VEVENT/g)).toHaveLength(28);
  }, 60_000);
});
