/**
 * A province's scenario (~6 MB) is parsed and checked in the IO worker when it is uploaded, when a new
 * version is made from it and when it is re-planned: /healthz keeps answering throughout (the
 * parse and check on the event loop held it for 0.5–1.3 s). SQLite always; PostgreSQL too when
 * DATABASE_URL is set (in a schema of its own, dropped afterwards).
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Scenario } from '../../src/domain/index.js';
import { generateScenario } from '../../src/gen/index.js';
import { buildApp, type App } from '../../src/http/app.js';
import type { Store } from '../../src/store/types.js';
import { roundRobinSolution } from '../fixtures/province-calendar.js';
import { testStore } from '../fixtures/store.js';

const ADMIN = 'test-admin-key-documents-0123456789';
const headers = { authorization: `Bearer ${ADMIN}` };
/**
 * The event loop is never held for long: a province parsed on it held /healthz for 1.3 s. The 50 ms the
 * issue names is measured by `npm run bench:hostile` on a quiet machine; on a shared CI machine this test
 * only has to tell a loop that is never blocked from one that is.
 */
const LIMIT_MS = 150;

let store: Store;
let drop: (() => Promise<void>) | undefined;
let app: App;

beforeAll(async () => {
  ({ store, drop } = await testStore('docs'));
  app = await buildApp({ store, adminKey: ADMIN, workers: 1 });
  // the workers start once, before anything is measured
  await app.inject({ method: 'POST', url: '/v1/scenarios', headers: { ...headers, 'content-type': 'application/json' }, payload: '{}' });
}, 60_000);

afterAll(async () => {
  await app?.close();
  await drop?.();
});

/** A province as text, a solution of it as text, a lawyer to remove. */
function documents() {
  const scenario = generateScenario({ preset: 'province', seed: 1 }) as Scenario;
  // as bytes: light-my-request would measure a 6 MB string on this event loop while the probe runs
  return { payload: Buffer.from(JSON.stringify(scenario)), solutionText: JSON.stringify(roundRobinSolution(scenario)), removed: scenario.lawyers[0].id, villages: scenario.villages.length };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('while a province is uploaded, changed and re-planned', () => {
  it('/healthz keeps answering throughout (never held like a parse on the loop would hold it)', async () => {
    // The documents are made in a function of their own: only their text stays reachable here, so the
    // test's own garbage collection of a province's objects does not count against the service.
    const { payload, solutionText, removed, villages } = documents();
    expect(payload.length).toBeGreaterThan(5_000_000);

    // /healthz asked every 10 ms as a client would, each answer timed from when it was due.
    let busy = true;
    let current = 'start';
    const samples: number[] = [];
    const slow: string[] = [];
    const probing = (async () => {
      for (let due = performance.now(); busy; due += 10) {
        const wait = due - performance.now();
        if (wait > 0) await sleep(wait);
        const res = await app.inject({ method: 'GET', url: '/healthz' });
        expect(res.statusCode).toBe(200);
        const ms = performance.now() - due;
        samples.push(ms);
        if (ms > 20) slow.push(`${current}:${ms.toFixed(0)}`);
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
    let jobId: string | undefined;
    try {
      const created = await phase('upload', () => app.inject({ method: 'POST', url: '/v1/scenarios', headers: { ...headers, 'content-type': 'application/json' }, payload }));
      expect(created.statusCode, created.body.slice(0, 300)).toBe(201);
      const scenarioId: string = created.json().id;
      expect(created.json().summary.villages).toBe(villages);

      const version = await phase('version', () =>
        app.inject({ method: 'POST', url: `/v1/scenarios/${scenarioId}/versions`, headers, payload: { changes: [{ op: 'remove-lawyer', lawyerId: removed }] } }),
      );
      expect(version.statusCode, version.body.slice(0, 300)).toBe(201);

      const solution = await store.insertSolution({ id: randomUUID(), scenarioId }, solutionText);
      const replan = await phase('replan', () =>
        app.inject({ method: 'POST', url: `/v1/solutions/${solution.id}/replan`, headers, payload: { changes: [{ op: 'remove-lawyer', lawyerId: removed }] } }),
      );
      expect(replan.statusCode, replan.body.slice(0, 300)).toBe(202);
      jobId = replan.json().jobId;
    } finally {
      busy = false;
      await probing;
      // the province solve the re-plan queued is not what this test is about
      if (jobId) await app.inject({ method: 'DELETE', url: `/v1/jobs/${jobId}`, headers });
    }
    const worst = Math.max(...samples);
    expect(samples.length, JSON.stringify(phases)).toBeGreaterThan(50);
    expect(worst, `worst /healthz ${worst.toFixed(1)} ms over ${samples.length} samples; phases (ms): ${JSON.stringify(phases)}; over 20 ms: ${slow.join(' ')}`).toBeLessThan(LIMIT_MS);
  }, 120_000);
});
